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
    /// <summary>A stable state another trial saved (its folder's stable/) to continue from instead of starting
    /// anew; the recipe must be that trial's with more steps (TrainingCheckpoint.Continue).</summary>
    public string? ContinueFrom { get; init; }
    /// <summary>The step ContinueFrom is at, and the hash its trial recorded: a state that hashes otherwise is
    /// refused.</summary>
    public int ContinueStep { get; init; }
    public string? ContinueSha256 { get; init; }
    /// <summary>Save the state reached where the wsd recipe's cooldown starts (stable/), for a later rung to
    /// continue.</summary>
    public bool KeepStable { get; init; }
    /// <summary>The source files of the recipe's plug-ins (artifacts named by their hash), which the worker
    /// compiles and loads; each must hash to what the recipe names.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];
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
        string text = File.ReadAllText(path);
        try
        {
            return JsonSerializer.Deserialize<TrialSpec>(text, SnakeCaseJson.Options)
                ?? throw new JsonException("it is null");
        }
        catch (JsonException e)
        {
            throw new LabConfigException($"trial spec {path}{SnakeCaseJson.Problem(e, text, typeof(TrialSpec))}");
        }
    }
}
