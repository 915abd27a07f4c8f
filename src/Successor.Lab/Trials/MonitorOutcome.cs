namespace Successor.Lab.Trials;

/// <summary>What one monitor found in one batch, with a line on what it measured.</summary>
public sealed record MonitorOutcome(IReadOnlyList<TrialAnomaly> Anomalies, string Detail)
{
    /// <summary>False when the batch gave the monitor nothing to compare (too few peers, no long curve, no
    /// history): it looked, but could not have flagged anything.</summary>
    public bool Compared { get; init; } = true;
}
