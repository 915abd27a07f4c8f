namespace Successor.Lab.Trials;

/// <summary>A trial a monitor flagged, of which kind, and why.</summary>
public sealed record TrialAnomaly(string Kind, string Trial, string Detail);
