namespace Successor.Lab.Workloads;

/// <summary>A model's standing on the sealed holdout: the headline value (accuracy, or bits per byte),
/// a line for people, and what the ledger keeps of it.</summary>
public sealed record HoldoutSummary(double Value, string Text, HoldoutStanding Standing)
{
    /// <summary>A successor's honeypot check at verdict time (Verifier.Honeypot); null for a text lab, a first
    /// champion, or a curriculum without the judge's secret.</summary>
    public Evaluation.Verification.RegenerationCheck? Regeneration { get; init; }
}
