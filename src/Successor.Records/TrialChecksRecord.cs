// `trial-checks:LAB/<first trial>`: one batch of trials checked after it ran: the evaluator's fingerprint
// before and after, and each anomaly monitor's detail and the trials it flagged.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record TrialChecksRecord : LabRecord
{
    public const string Type = "trial-checks";

    public int Generation { get; init; }
    public IReadOnlyList<string> Trials { get; init; } = [];
    public IReadOnlyList<string> EvaluatorBefore { get; init; } = [];
    public string EvaluatorAfter { get; init; } = "";
    public bool EvaluatorPassed { get; init; }
    public MonitorEntry? Outliers { get; init; }
    public MonitorEntry? ChangePoints { get; init; }
    public MonitorEntry? Throughput { get; init; }

    public static TrialChecksRecord From(JsonObject attributes) => RecordJson.Read<TrialChecksRecord>(attributes);

    /// <summary>A monitor's outcome on the batch, by its recorded name (outliers, change_points, throughput).</summary>
    public MonitorEntry? Monitor(string name) => name switch
    {
        "outliers" => Outliers, "change_points" => ChangePoints, "throughput" => Throughput,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a trial monitor"),
    };

    /// <summary>What a monitor saw of the batch and the trials it flagged.</summary>
    public sealed record MonitorEntry(string Detail, IReadOnlyList<string> Flagged);
}
