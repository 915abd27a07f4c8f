namespace Successor.Lab.Workloads;

/// <summary>A model's standing on the sealed holdout: the headline value (accuracy, or bits per byte),
/// a line for people, and what the ledger keeps of it.</summary>
public sealed record HoldoutSummary(double Value, string Text, HoldoutStanding Standing);
