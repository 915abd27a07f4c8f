namespace Successor.Records;

/// <summary>`trial-checks:LAB/&lt;first trial&gt;`: one batch of trials checked after it ran: the evaluator's
/// fingerprint before and after, and each anomaly monitor's detail and the trials it flagged.</summary>
public sealed record TrialChecksRecord(int Generation, IReadOnlyList<string> Trials,
    IReadOnlyList<string> EvaluatorBefore, string EvaluatorAfter, bool EvaluatorPassed)
    : LabRecord<TrialChecksRecord>
{
    public const string Type = "trial-checks";

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<string> Trials { get; init; } = Trials ?? [];
    public IReadOnlyList<string> EvaluatorBefore { get; init; } = EvaluatorBefore ?? [];

    public TrialChecksRecord.MonitorEntry? Outliers { get; init; }
    public TrialChecksRecord.MonitorEntry? ChangePoints { get; init; }
    public TrialChecksRecord.MonitorEntry? Throughput { get; init; }

    /// <summary>A monitor's outcome on the batch, by its recorded name (outliers, change_points, throughput).</summary>
    public MonitorEntry? Monitor(string name) => name switch
    {
        "outliers" => Outliers, "change_points" => ChangePoints, "throughput" => Throughput,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a trial monitor"),
    };

    /// <summary>What a monitor saw of the batch and the trials it flagged.</summary>
    public sealed record MonitorEntry(string Detail, IReadOnlyList<string> Flagged)
    {
        /// <summary>False when the batch gave the monitor nothing to compare; absent when it compared (and in
        /// records from before this was kept).</summary>
        public bool? Compared { get; init; }
    }
}
