namespace Successor.Records;

/// <summary>`replay:LAB/gN`: the promotion rule run on known cases, to measure the rule itself: each case,
/// the counts of known-bad and known-good cases and of the rule's errors, and how long it took.</summary>
public sealed record ReplayRecord(int Generation, IReadOnlyList<ReplayRecord.ReplayCase> Cases, int KnownBad,
    int FalseAccepts, int KnownGood, int FalseRejects, double Accuracy, double FalseAcceptRate, double Seconds)
    : LabRecord<ReplayRecord>
{
    public const string Type = "promotion-replay";

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<ReplayCase> Cases { get; init; } = Cases ?? [];

    /// <summary>One known case: whether the rule should accept it, whether it did, and its reason.</summary>
    public sealed record ReplayCase(string Case, bool ShouldAccept, bool Accepted, string Reason);
}
