namespace Successor.Records;

/// <summary>`reevaluation:LAB/gN`: the judge's own public-validation scores of the trial models it sampled
/// (the selected candidate's always), against what their workers reported, and the evaluator's fingerprint
/// the judge saw at verdict time.</summary>
public sealed record ReevaluationRecord(int Generation, IReadOnlyList<ReevaluationRecord.Trial> Trials,
    string? EvaluatorSha256, string? EvaluatorChanged, double Seconds) : LabRecord<ReevaluationRecord>
{
    public const string Type = "judge-reevaluation";

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<Trial> Trials { get; init; } = Trials ?? [];

    /// <summary>One re-evaluated trial: the mean public score reported and judged, the largest item
    /// difference, and why they disagree (null when they match).</summary>
    public sealed record Trial(string Id, double? Reported, double? Judged, double? MaxDifference, bool Matches,
        string? Why);
}
