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

    /// <summary>Known-bad cases of this lab's replays up to and including this one (the same rule every
    /// generation, so they pool), and the rule's false accepts among them.</summary>
    public int? PooledKnownBad { get; init; }
    public int? PooledFalseAccepts { get; init; }

    /// <summary>The one-sided Clopper–Pearson upper bound on the false-accept rate over the pooled cases, at
    /// `confidence`; the compounded reliability takes 1 − this. Null in records from before it was kept.</summary>
    public double? FalseAcceptBound { get; init; }
    public double? Confidence { get; init; }

    /// <summary>One kind of known case: whether the rule should accept it, whether it accepted any, and a reason
    /// (an accepted case's when there is one); how many were built and how many accepted (null in records from
    /// before cases were grouped by kind).</summary>
    public sealed record ReplayCase(string Case, bool ShouldAccept, bool Accepted, string Reason)
    {
        public int? Count { get; init; }
        public int? AcceptedCount { get; init; }
    }
}
