// What a worker reports, written last (atomically) as result.json in the trial's folder: the trial's
// status, its compute, and its score on every public validation item.
using System.Text.Json;
using Successor.Models;

namespace Successor.Lab.Trials;

/// <summary>Scores holds one score per public validation item (1/0 for a curriculum answer, minus bits
/// per byte for a text document), in a fixed order, so two trials can be compared item by item.</summary>
public sealed record TrialResult
{
    public required string Id { get; init; }
    public string Status { get; init; } = "ok";
    public string? Error { get; init; }
    public int Steps { get; init; }
    public long Tokens { get; init; }
    public double Seconds { get; init; }
    /// <summary>The mean public score: accuracy, or minus bits per byte.</summary>
    public double Score { get; init; }
    public IReadOnlyList<double> Scores { get; init; } = [];
    /// <summary>The last step's training loss; null when this process ran no step (it resumed a finished run).</summary>
    public double? TrainLoss { get; init; }
    /// <summary>The training loss of this process's steps, averaged over every LossEvery consecutive steps.</summary>
    public IReadOnlyList<double> LossCurve { get; init; } = [];
    public int LossEvery { get; init; } = 1;
    /// <summary>Seconds spent in training steps alone, on the wall clock and on the CPU (all threads).</summary>
    public double TrainSeconds { get; init; }
    public double TrainCpuSeconds { get; init; }
    public string? ModelSha256 { get; init; }
    public string RecipeSha256 { get; init; } = "";

    public bool Ok => Status == "ok";

    public const string FileName = "result.json";

    public void Save(string folder) => AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, SnakeCaseJson.Options));

    public static TrialResult? TryLoad(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<TrialResult>(File.ReadAllText(path), SnakeCaseJson.Options); }
        catch (JsonException) { return null; } // a torn write cannot happen (atomic rename), but never trust it: re-run
    }
}
