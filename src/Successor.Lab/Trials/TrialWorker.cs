// The body of a worker process (`successor trial FOLDER`): trains what spec.json asks for, saving a
// resumable checkpoint every few hundred steps, scores the model on public validation items and writes
// result.json last. Restarted after a crash, it continues from its last checkpoint.
using System.Diagnostics;
using System.Security.Cryptography;
using Successor.Lab.Config;
using Successor.Lab.Workloads;
using Successor.Models.Checkpoints;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Training;
using Successor.Training.Data;
using Successor.Training.Optimization;
using Successor.Training.Plugins;
using Successor.Training.Recipes;

namespace Successor.Lab.Trials;

public static class TrialWorker
{
    public const string CheckpointFolder = "checkpoint", StableFolder = "stable", ModelFile = "model.safetensors";

    /// <summary>`plugins` compiles, screens and loads the recipe's plug-ins from the spec's sources (the worker
    /// verb passes the plug-in host's); a recipe that names plug-ins fails without it.</summary>
    public static TrialResult Run(string folder, Action<string>? log = null, CancellationToken cancel = default,
        Func<Recipe, IReadOnlyList<string>, (TrainingPlugins Plugins, IDisposable Unload)>? plugins = null)
    {
        var spec = TrialSpec.Load(folder);
        Parallelism.Threads = spec.Threads;
        var kernels = new FastKernels();
        var task = LabWorkloads.Create(spec.Curriculum, spec.Split, spec.EvalSeed, new PromotionConfig());
        var data = task.Data(spec.Recipe, spec.SelfGenerated);
        string checkpoint = Path.Combine(folder, CheckpointFolder);
        var clock = Stopwatch.StartNew();
        using var teacher = spec.Recipe.DistillationWeight > 0 && spec.Teacher is { } parent
            ? ModelCheckpoint.Load(parent, kernels).Model : null;
        using var trainer = File.Exists(Path.Combine(checkpoint, TrainingCheckpoint.ModelFile))
            ? TrainingCheckpoint.Resume(checkpoint, data, kernels, spec.Recipe.Steps, teacher)
            : spec.ContinueFrom is { } from ? Continue(spec, from, data, kernels, teacher)
            : Start(spec, data, kernels, teacher);
        using var unload = UsePlugins(trainer, spec, plugins, log);
        string stable = Path.Combine(folder, StableFolder);
        int stableStep = spec.KeepStable ? LearningRateSchedule.StableSteps(spec.Recipe) : -1;
        // Training time alone (not loading, checkpoints or scoring), in wall and CPU seconds: the throughput
        // monitor reads tokens per CPU second, which a busy machine barely moves and hidden work does.
        TimeSpan trainWall = TimeSpan.Zero, trainCpu = TimeSpan.Zero;
        while (trainer.Step < spec.Recipe.Steps)
        {
            int until = Math.Min(spec.Recipe.Steps, (trainer.Step / spec.CheckpointEvery + 1) * spec.CheckpointEvery);
            if (trainer.Step < stableStep) until = Math.Min(until, stableStep);
            long wall = Stopwatch.GetTimestamp();
            var cpu = CpuTime();
            trainer.Run(untilStep: until, cancel: cancel);
            trainCpu += CpuTime() - cpu;
            trainWall += Stopwatch.GetElapsedTime(wall);
            if (trainer.Step == stableStep) SaveStable(trainer, stable);
            TrainingCheckpoint.Save(trainer, checkpoint);
            log?.Invoke($"{spec.Id}: step {trainer.Step}/{spec.Recipe.Steps}, loss {trainer.Losses[^1]:0.0000}");
        }
        string modelPath = Path.Combine(folder, ModelFile);
        ModelCheckpoint.Save(modelPath, trainer.Model, trainer.RecipeSha256, trainer.Step);
        var scores = task.PublicScores(trainer.Model);
        var result = new TrialResult
        {
            Id = spec.Id,
            Steps = trainer.Step,
            // a continued trial pays only its new steps
            Tokens = (trainer.Step - spec.ContinueStep) * trainer.TokensPerStep,
            Seconds = clock.Elapsed.TotalSeconds,
            Score = scores.Average(),
            Scores = scores,
            TrainLoss = trainer.Losses.Count > 0 ? trainer.Losses[^1] : null,
            LossEvery = LossCurve.Every(trainer.Losses.Count),
            LossCurve = LossCurve.Of(trainer.Losses),
            TrainSeconds = Math.Round(trainWall.TotalSeconds, 3),
            TrainCpuSeconds = Math.Round(trainCpu.TotalSeconds, 3),
            ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath))),
            StableSha256 = spec.KeepStable ? StableSha256(stable) : null,
            RecipeSha256 = trainer.RecipeSha256,
        };
        result.Save(folder);
        return result;
    }

    static IDisposable? UsePlugins(Trainer trainer, TrialSpec spec,
        Func<Recipe, IReadOnlyList<string>, (TrainingPlugins, IDisposable)>? plugins, Action<string>? log)
    {
        if (!spec.Recipe.PluginKeys().Any(k => k.Digest is not null)) return null;
        if (plugins is null)
            throw new LabConfigException($"trial {spec.Id}: its recipe names plug-ins, but this worker cannot load "
                + "them; run it as `successor trial`");
        var (loaded, unload) = plugins(spec.Recipe, spec.Plugins);
        trainer.Plugins = loaded;
        log?.Invoke($"{spec.Id}: plug-ins loaded: " + string.Join(", ",
            spec.Recipe.PluginKeys().Where(k => k.Digest is not null).Select(k => $"{k.Key} {k.Digest![..19]}…")));
        return unload;
    }

    /// <summary>The stable state, written whole (to a temporary folder, then renamed) before training goes on
    /// past it: a later rung never finds half of one.</summary>
    static void SaveStable(Trainer trainer, string stable)
    {
        if (Directory.Exists(stable)) return;
        string partial = stable + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        TrainingCheckpoint.Save(trainer, partial);
        Directory.Move(partial, stable);
    }

    /// <summary>SHA-256 over a saved training state's recipe, weights and optimizer moments, in that order.</summary>
    public static string StableSha256(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { TrainingCheckpoint.RecipeFile, TrainingCheckpoint.ModelFile,
            TrainingCheckpoint.OptimizerFile })
        {
            string path = Path.Combine(folder, file);
            if (!File.Exists(path))
                throw new CheckpointFormatException(path, "is missing", "a training state saved whole");
            hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    static Trainer Continue(TrialSpec spec, string from, TrainingData data, IKernels kernels,
        Models.Gpt.GptModel? teacher)
    {
        if (StableSha256(from) is var sha && sha != spec.ContinueSha256)
            throw new CheckpointFormatException(from, $"hashes to {TrialResult.Short(sha)}, but its trial recorded " +
                $"{TrialResult.Short(spec.ContinueSha256)}", "the state the earlier rung saved, unchanged");
        var trainer = TrainingCheckpoint.Continue(from, spec.Recipe, data, kernels, teacher);
        if (trainer.Step != spec.ContinueStep)
        {
            int step = trainer.Step;
            trainer.Dispose();
            throw new CheckpointFormatException(from, $"is at step {step}, not {spec.ContinueStep}",
                "the state the earlier rung saved");
        }
        return trainer;
    }

    static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    static Trainer Start(TrialSpec spec, TrainingData data, IKernels kernels, Models.Gpt.GptModel? teacher)
    {
        if (spec.WarmStart is null) return new Trainer(spec.Recipe, data, kernels, teacher: teacher);
        var (model, info) = ModelCheckpoint.Load(spec.WarmStart, kernels);
        if (info.Config != spec.Recipe.Model)
        {
            model.Dispose();
            throw new CheckpointFormatException(spec.WarmStart, "has a different model shape than the trial's recipe",
                "a checkpoint of the same model config to warm-start from");
        }
        return new Trainer(spec.Recipe, data, kernels, model, teacher);
    }
}
