// What a worker process is asked to do, written as spec.json in the trial's folder: train a recipe on
// the curriculum (plus kept self-generated problems), optionally warm-started from a champion, then score
// the result on public validation problems. result.json beside it means the trial finished.
using System.Text.Json;
using Successor.Lab.Config;
using Successor.Models;
using Successor.Training.Recipes;

namespace Successor.Lab.Trials;

public sealed record TrialSpec
{
    public required string Id { get; init; }
    public required Recipe Recipe { get; init; }
    public required string Families { get; init; }
    /// <summary>The original data's difficulty range, e.g. "1-3"; always part of the mixture.</summary>
    public required string TrainDifficulties { get; init; }
    /// <summary>Files of kept self-generated problems (one "prompt=answer" line each), mixed in at the
    /// recipe's self_generated_fraction.</summary>
    public IReadOnlyList<string> SelfGenerated { get; init; } = [];
    /// <summary>model.safetensors to start from; null trains from the recipe's initialisation.</summary>
    public string? WarmStart { get; init; }
    public required string EvalDifficulties { get; init; }
    public int EvalItemsPerSlice { get; init; } = 100;
    public ulong EvalSeed { get; init; } = 7;
    public int Threads { get; init; } = 1;
    /// <summary>Steps between resumable checkpoints.</summary>
    public int CheckpointEvery { get; init; } = 250;

    public const string FileName = "spec.json";

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, SnakeCaseJson.Options));
    }

    public static TrialSpec Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new LabConfigException($"trial {folder}: has no {FileName}");
        try { return JsonSerializer.Deserialize<TrialSpec>(File.ReadAllText(path), SnakeCaseJson.Options) ?? throw new JsonException("null"); }
        catch (JsonException e) { throw new LabConfigException($"trial spec {path}: {e.Message.Split('\n')[0]}"); }
    }
}

/// <summary>Correct holds one '1' or '0' per public validation item, in the evaluator's fixed order, so
/// two trials can be compared item by item.</summary>
public sealed record TrialResult
{
    public required string Id { get; init; }
    public string Status { get; init; } = "ok";
    public string? Error { get; init; }
    public int Steps { get; init; }
    public long Tokens { get; init; }
    public double Seconds { get; init; }
    public double Accuracy { get; init; }
    public string Correct { get; init; } = "";
    public double TrainLoss { get; init; }
    public string? ModelSha256 { get; init; }
    public string RecipeSha256 { get; init; } = "";

    public bool Ok => Status == "ok";

    public double[] Scores() => [.. Correct.Select(c => c == '1' ? 1.0 : 0.0)];

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

public static class AtomicFile
{
    /// <summary>Write to a temporary file, flush to disk, then rename: readers see the old file or the new one.</summary>
    public static void WriteAllText(string path, string text)
    {
        string temp = path + ".tmp";
        using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
