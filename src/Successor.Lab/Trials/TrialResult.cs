// What a worker reports, written last (atomically) as result.json in the trial's folder: the trial's
// status, its compute, and its score on every public validation item.
using System.Text.Json;
using System.Text.Json.Serialization;
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
    /// <summary>The last step's training loss; null when this process ran no step (it resumed a finished
    /// run).</summary>
    public double? TrainLoss { get; init; }
    /// <summary>The training loss of this process's steps, averaged over every LossEvery consecutive steps.</summary>
    public IReadOnlyList<double> LossCurve { get; init; } = [];
    public int LossEvery { get; init; } = 1;
    /// <summary>Seconds spent in training steps alone, on the wall clock and on the CPU (all threads).</summary>
    public double TrainSeconds { get; init; }
    public double TrainCpuSeconds { get; init; }
    public string? ModelSha256 { get; init; }
    /// <summary>The hash of the stable state kept for a later rung (TrialWorker.StableSha256), when one was
    /// kept.</summary>
    public string? StableSha256 { get; init; }
    public string RecipeSha256 { get; init; } = "";
    /// <summary>The evaluator's fingerprint when the runner started the trial and when it ended, taken by the
    /// lab; never read from result.json, where a worker could write anything.</summary>
    [JsonIgnore] public string? EvaluatorBefore { get; init; }
    [JsonIgnore] public string? EvaluatorAfter { get; init; }

    public bool Ok => Status == "ok";

    public const string FileName = "result.json";

    public void Save(string folder) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, SnakeCaseJson.Options));

    /// <summary>Why this result cannot be trusted as the trial `spec` asked for, or null. A failed result is
    /// what it says; an ok one must name the trial and its recipe, and its model file must be beside it and
    /// hash to model_sha256 — else anyone who can write to the folder decides the score.</summary>
    public string? Unverifiable(TrialSpec spec, string folder)
    {
        if (!Ok) return null;
        if (Id != spec.Id) return $"result.json is for trial {Id}, not {spec.Id}";
        string recipe = Training.Recipes.RecipeJson.Sha256(spec.Recipe);
        if (RecipeSha256 != recipe)
            return $"result.json names recipe {Short(RecipeSha256)}, the trial's recipe is {Short(recipe)}";
        string model = Path.Combine(folder, TrialWorker.ModelFile);
        if (!File.Exists(model)) return $"result.json is there but {TrialWorker.ModelFile} is not";
        using var stream = File.OpenRead(model);
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        return sha == ModelSha256 ? null
            : $"{TrialWorker.ModelFile} hashes to {Short(sha)}, result.json says {Short(ModelSha256)}";
    }

    internal static string Short(string? sha) => string.IsNullOrEmpty(sha) ? "(none)" : sha[..Math.Min(12, sha.Length)];

    public static TrialResult? TryLoad(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<TrialResult>(File.ReadAllText(path), SnakeCaseJson.Options); }
        catch (JsonException) { return null; } // a torn write cannot happen (atomic rename), but never trust it: re-run
    }
}
