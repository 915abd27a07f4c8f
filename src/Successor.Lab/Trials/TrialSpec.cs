// What a worker process is asked to do, written as spec.json in the trial's folder: train a recipe on the
// lab's data (plus kept self-generated problems), optionally warm-started from a champion, then score the
// result on public validation items. result.json beside it means the trial finished.
using System.Text.Json;
using Successor.Lab.Config;
using Successor.Models;
using Successor.Training.Recipes;

namespace Successor.Lab.Trials;

public sealed record TrialSpec
{
    public required string Id { get; init; }
    public required Recipe Recipe { get; init; }
    /// <summary>The lab's curriculum (ignored when Split is set).</summary>
    public CurriculumConfig Curriculum { get; init; } = new();
    /// <summary>A text split folder: the lab trains on text instead of the curriculum.</summary>
    public string? Split { get; init; }
    /// <summary>Files of kept self-generated problems (one "prompt=answer" line each), mixed in at the
    /// recipe's self_generated_fraction.</summary>
    public IReadOnlyList<string> SelfGenerated { get; init; } = [];
    /// <summary>model.safetensors to start from; null trains from the recipe's initialisation.</summary>
    public string? WarmStart { get; init; }
    /// <summary>The parent to distil from when the recipe's distillation_weight is above 0.</summary>
    public string? Teacher { get; init; }
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
