namespace Successor.Records;

/// <summary>A ledger record that does not have the shape its type promises.</summary>
public sealed class RecordException(string message) : Exception(message);
