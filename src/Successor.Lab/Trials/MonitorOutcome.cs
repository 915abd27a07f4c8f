namespace Successor.Lab.Trials;

/// <summary>What one monitor found in one batch, with a line on what it measured.</summary>
public sealed record MonitorOutcome(IReadOnlyList<TrialAnomaly> Anomalies, string Detail);
