// The body of a worker process (`successor trial FOLDER`): trains what spec.json asks for, saving a
// resumable checkpoint every few hundred steps, scores the model on public validation problems and writes
// result.json last. Restarted after a crash, it continues from its last checkpoint. It exits on its own
// when the lab that started it dies, so an orphan never races a resumed lab for the same folder.
using System.Diagnostics;
using System.Security.Cryptography;
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Lab.Curation;
using Successor.Models.Checkpoints;
using Successor.Tensors;
using Successor.Tensors.Kernels;
using Successor.Training;
using Successor.Training.Data;

namespace Successor.Lab.Trials;

public static class TrialWorker
{
    public const string CheckpointFolder = "checkpoint", ModelFile = "model.safetensors";

    public static TrialResult Run(string folder, Action<string>? log = null, CancellationToken cancel = default)
    {
        var spec = TrialSpec.Load(folder);
        Parallelism.Threads = spec.Threads;
        var kernels = new FastKernels();
        var data = Data(spec);
        string checkpoint = Path.Combine(folder, CheckpointFolder);
        var clock = Stopwatch.StartNew();
        using var trainer = File.Exists(Path.Combine(checkpoint, TrainingCheckpoint.ModelFile))
            ? TrainingCheckpoint.Resume(checkpoint, data, kernels, spec.Recipe.Steps)
            : Start(spec, data, kernels);
        int startStep = trainer.Step;
        while (trainer.Step < spec.Recipe.Steps)
        {
            int until = Math.Min(spec.Recipe.Steps, (trainer.Step / spec.CheckpointEvery + 1) * spec.CheckpointEvery);
            trainer.Run(untilStep: until, cancel: cancel);
            TrainingCheckpoint.Save(trainer, checkpoint);
            log?.Invoke($"{spec.Id}: step {trainer.Step}/{spec.Recipe.Steps}, loss {trainer.Losses[^1]:0.0000}");
        }
        string modelPath = Path.Combine(folder, ModelFile);
        ModelCheckpoint.Save(modelPath, trainer.Model, trainer.RecipeSha256, trainer.Step);
        var items = CurriculumEvaluator.Run(trainer.Model, PublicProblems(spec.Families, spec.EvalDifficulties, spec.EvalItemsPerSlice, spec.EvalSeed));
        var result = new TrialResult
        {
            Id = spec.Id,
            Steps = trainer.Step,
            Tokens = (trainer.Step - startStep) * trainer.TokensPerStep,
            Seconds = clock.Elapsed.TotalSeconds,
            Accuracy = items.Average(i => i.Correct ? 1.0 : 0.0),
            Correct = string.Concat(items.Select(i => i.Correct ? '1' : '0')),
            TrainLoss = trainer.Losses.Count > 0 ? trainer.Losses[^1] : double.NaN,
            ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath))),
            RecipeSha256 = trainer.RecipeSha256,
        };
        result.Save(folder);
        return result;
    }

    /// <summary>Public validation problems in a fixed order (family, difficulty, draw).</summary>
    public static List<Problem> PublicProblems(string families, string difficulties, int perSlice, ulong seed) =>
        CurriculumGenerator.Set(TaskFamilies.Parse(families), CurriculumGenerator.ParseDifficulties(difficulties), perSlice, seed, CurriculumSplit.Validation);

    static Trainer Start(TrialSpec spec, TrainingData data, IKernels kernels)
    {
        if (spec.WarmStart is null) return new Trainer(spec.Recipe, data, kernels);
        var (model, info) = ModelCheckpoint.Load(spec.WarmStart, kernels);
        if (info.Config != spec.Recipe.Model)
        {
            model.Dispose();
            throw new CheckpointFormatException(spec.WarmStart, "has a different model shape than the trial's recipe", "a checkpoint of the same model config to warm-start from");
        }
        return new Trainer(spec.Recipe, data, kernels, model);
    }

    /// <summary>The original curriculum range, always; kept self-generated problems mixed in at the recipe's share.</summary>
    public static TrainingData Data(TrialSpec spec)
    {
        var range = CurriculumGenerator.ParseDifficulties(spec.TrainDifficulties);
        var original = CurriculumBatchSource.Data(TaskFamilies.Parse(spec.Families), range[0], range[^1]);
        var kept = spec.SelfGenerated.SelectMany(SelfGeneratedData.Read).ToList();
        if (kept.Count == 0 || spec.Recipe.SelfGeneratedFraction == 0) return original;
        string sha = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            original.Sha256 + string.Concat(kept.Select(p => p.Line)))));
        return original with
        {
            Name = $"{original.Name}+self-generated({kept.Count})",
            Sha256 = sha,
            Train = new MixtureBatchSource(original.Train, new ProblemSetBatchSource(kept), spec.Recipe.SelfGeneratedFraction),
        };
    }
}
