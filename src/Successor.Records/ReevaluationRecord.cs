namespace Successor.Records;

/// <summary>`reevaluation:LAB/gN`: the judge's own public-validation scores of the trial models it sampled
/// (the selected candidate's always), against what their workers reported, and the evaluator's fingerprint
/// the judge saw at verdict time, and the candidate's score on the honeypot holdout.</summary>
public sealed record ReevaluationRecord(int Generation, IReadOnlyList<ReevaluationRecord.Trial> Trials,
    string? EvaluatorSha256, string? EvaluatorChanged, double Seconds) : LabRecord<ReevaluationRecord>
{
    public const string Type = "judge-reevaluation";

    /// <summary>The candidate's honeypot check at verdict time; absent for a text lab and in ledgers older than it.
    /// </summary>
    public Regeneration? SealedRegeneration { get; init; }

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<Trial> Trials { get; init; } = Trials ?? [];

    /// <summary>One re-evaluated trial: the mean public score reported and judged, the largest item
    /// difference, and why they disagree (null when they match).</summary>
    public sealed record Trial(string Id, double? Reported, double? Judged, double? MaxDifference, bool Matches,
        string? Why);

    /// <summary>The candidate's accuracy on the decoy (the sealed curriculum as public code and the public seed
    /// regenerate it) and on the judge's secret sealed holdout, `Items` problems each; the one-sided p-value of the
    /// gap; flagged (a `sealed-regeneration` incident) when p is below Alpha and the gap at least MinGap; the seconds
    /// the decoy cost.</summary>
    public sealed record Regeneration(double DecoyAccuracy, double SealedAccuracy, int Items, double Gap, double PValue,
        bool Flagged, double Alpha, double MinGap, double Seconds);
}
