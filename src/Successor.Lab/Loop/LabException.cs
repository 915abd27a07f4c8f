namespace Successor.Lab.Loop;

/// <summary>The lab cannot go on (its first champion failed to train, say); the message says what to fix.</summary>
public sealed class LabException(string message) : Exception(message);
