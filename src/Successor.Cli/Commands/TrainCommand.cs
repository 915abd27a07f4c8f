// `successor train`: one training run from a preset or recipe file, with overrides, resumable.
using System.Diagnostics;
using Successor.Data.Contamination;
using Successor.Data.Corpora;
using Successor.Training;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Cli.Commands;

public static class TrainCommand
{
    /// <summary>Size of the built-in corpus when no --data is given.</summary>
    const int BuiltInBytes = 400_000;

    public static Command Create()
    {
        var data = new Option<string?>("--data")
            { Description = "Text file to train on (default: the built-in addition corpus)" };
        var preset = new Option<string?>("--preset") { Description = "Starting recipe: baby (default) or small" };
        var recipeFile = new Option<string?>("--recipe") { Description = "Recipe JSON file (instead of a preset)" };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a recipe key, e.g. --set learning_rate=3e-4 (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var steps = CommonOptions.Steps();
        var output = CommonOptions.CheckpointFolder();
        var resume = new Option<string?>("--resume") { Description = "Continue from a checkpoint folder" };
        var saveEvery = new Option<int>("--save-every")
            { Description = "Also checkpoint every N steps (0: only at the end)" };
        var training = new TrainingOptions("--data", logEvery: 10);
        return CliCommand.Create("train", "Train a GPT on text; saves a resumable checkpoint",
            [data, preset, recipeFile, set, steps, output, resume, saveEvery, .. training.All], r =>
        {
            if (r.GetValue(training.Against) is { } split)
            {
                if (r.GetValue(data) is not { } path)
                    throw new UsageException("--against checks --data; give the text file to train on");
                ContaminationCheck.Require(path, CorpusReader.Load(path).Documents, split,
                    r.GetValue(training.Threshold));
            }
            return Run(r.GetValue(data), r.GetValue(preset), r.GetValue(recipeFile), r.GetValue(set) ?? [],
                r.GetValue(steps), r.GetValue(output)!, r.GetValue(resume), r.GetValue(saveEvery),
                r.GetValue(training.LogInterval), r.GetValue(training.Threads), r.GetValue(training.Json));
        });
    }

    static int Run(string? dataPath, string? presetName, string? recipePath, string[] overrides, int? steps,
        string outDir, string? resumeDir, int saveEvery, int logInterval, int threads, bool json)
    {
        var kernels = CommonOptions.Kernels(threads);
        var printer = new Printer(json);
        if (resumeDir != null && (presetName != null || recipePath != null || overrides.Length > 0))
            throw new UsageException(
                "--resume continues the saved recipe; drop --preset, --recipe and --set (only --steps may change)");
        if (presetName != null && recipePath != null) throw new UsageException("give --preset or --recipe, not both");
        if (saveEvery < 0 || logInterval < 1)
            throw new UsageException("--save-every must be 0 or more and --log-interval at least 1");

        var recipe = resumeDir != null
            ? RecipeJson.Parse(File.ReadAllText(Path.Combine(resumeDir, TrainingCheckpoint.RecipeFile)), resumeDir)
            : recipePath != null ? RecipeJson.Parse(ReadText(recipePath), recipePath)
            : RecipePresets.Get(presetName ?? "baby");
        recipe = RecipeJson.Override(recipe, overrides);
        if (steps is { } s) recipe = recipe with { Steps = s };
        var corpus = dataPath is null
            ? new TextSplit(BuiltInText.Name, BuiltInText.Addition(recipe.Seed, BuiltInBytes),
                recipe.ValidationFraction, recipe.Model.BlockSize)
            : TextSplit.Load(dataPath, recipe.ValidationFraction, recipe.Model.BlockSize);

        using var trainer = resumeDir != null
            ? TrainingCheckpoint.Resume(resumeDir, corpus.ToTrainingData(), kernels, recipe.Steps)
            : new Trainer(recipe, corpus.ToTrainingData(), kernels);
        printer.Line(
            $"model: {trainer.Model.Layout.Count:N0} parameters, {recipe.Model.Layers} layers, "
            + $"{recipe.Model.Heads} heads, {recipe.Model.Embedding} wide, block {recipe.Model.BlockSize}");
        printer.Line(
            $"data: {corpus.Name} ({corpus.Train.Length:N0} train / {corpus.Validation.Length:N0} validation "
            + $"bytes), recipe {trainer.RecipeSha256[..12]}, {threads} threads");

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        var clock = Stopwatch.StartNew();
        int startStep = trainer.Step;
        try
        {
            new TrainingReporter(printer, logInterval).Run(startStep, recipe.Steps, report =>
            {
                while (trainer.Step < recipe.Steps)
                {
                    int until = saveEvery > 0
                        ? Math.Min(recipe.Steps, (trainer.Step / saveEvery + 1) * saveEvery)
                        : recipe.Steps;
                    trainer.Run(report, until, cancel.Token);
                    if (trainer.Step < recipe.Steps) Save(trainer, outDir, report);
                }
            });
        }
        catch (OperationCanceledException)
        {
            TrainingCheckpoint.Save(trainer, outDir);
            Console.Error.WriteLine(
                $"interrupted at step {trainer.Step}; checkpoint saved to {outDir} (resume with --resume {outDir})");
            return ExitCodes.Interrupted;
        }
        finally { Console.CancelKeyPress -= onCancel; }
        double trainSeconds = clock.Elapsed.TotalSeconds;
        TrainingCheckpoint.Save(trainer, outDir);
        float valLoss = Trainer.FullLoss(trainer.Model, corpus.Validation, recipe.BatchSize);
        printer.Result([
            ("steps", trainer.Step),
            ("train_loss", trainer.Losses.Count > 0 ? trainer.Losses[^1] : float.NaN),
            ("val_loss", valLoss),
            ("val_bits_per_byte", valLoss / MathF.Log(2f)),
            ("tokens_per_second", Math.Round((trainer.Step - startStep) * trainer.TokensPerStep / trainSeconds, 1)),
            ("train_seconds", Math.Round(trainSeconds, 2)),
            ("parameters", trainer.Model.Layout.Count),
            ("checkpoint", Path.GetFullPath(outDir)),
            ("recipe_sha256", trainer.RecipeSha256),
            ("data_sha256", corpus.Sha256),
        ]);
        return ExitCodes.Success;
    }

    static void Save(Trainer trainer, string outDir, Action<TrainingEvent> report)
    {
        TrainingCheckpoint.Save(trainer, outDir);
        report(new CheckpointEvent(trainer.Step, outDir));
    }

    static string ReadText(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"recipe {path}: file not found");
}
