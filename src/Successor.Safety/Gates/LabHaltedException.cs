namespace Successor.Safety.Gates;

/// <summary>A person halted the lab (`successor halt`, or by rejecting an incident's request).</summary>
public sealed class LabHaltedException(string message) : Exception(message);
