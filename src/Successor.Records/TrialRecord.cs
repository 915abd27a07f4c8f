// `trial:LAB/<id>`: one worker's run as the lab recorded it the moment it finished.
using System.Text.Json.Serialization;

namespace Successor.Records;

public sealed record TrialRecord : LabRecord<TrialRecord>
{
    public const string Type = "trial";

    public int Generation { get; init; }
    public string? Status { get; init; }
    public string? Error { get; init; }
    public int Steps { get; init; }
    public long Tokens { get; init; }
    public double Seconds { get; init; }
    public double Score { get; init; }
    public IReadOnlyList<double> Scores { get; init; } = [];
    public double? TrainLoss { get; init; }
    public IReadOnlyList<double> LossCurve { get; init; } = [];
    public int? LossEvery { get; init; }
    public double TrainSeconds { get; init; }
    public double TrainCpuSeconds { get; init; }
    public string? RecipeSha256 { get; init; }
    public string? ModelSha256 { get; init; }
    public string? StableSha256 { get; init; }
    public string? ContinuedFrom { get; init; }
    /// <summary>The evaluator's fingerprint when the trial started (when its batch started, in older records).
    /// </summary>
    public string? EvaluatorSha256 { get; init; }
    /// <summary>The evaluator's fingerprint when the trial ended.</summary>
    public string? EvaluatorAfterSha256 { get; init; }
    /// <summary>What a step's CPU cost per token depends on, for the throughput monitor.</summary>
    public string? Shape { get; init; }

    /// <summary>Whether the trial ran to the end; derived from Status, never written.</summary>
    [JsonIgnore] public bool Ok => Status == "ok";
}
