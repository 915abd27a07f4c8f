// `successor curriculum train`: the project's trainer on built-in curriculum problems (train side of
// the partition, difficulties in a range), with the loss on answers only. Same recipes, overrides and
// checkpoints as `successor train`.
using Successor.Data.Contamination;
using Successor.Data.Corpora;
using Successor.Data.Curriculum;
using Successor.Models.Tokenizers;
using Successor.Training.Data;
using Successor.Training;
using Successor.Training.Recipes;

namespace Successor.Cli.Commands.Curriculum;

public static class CurriculumTrainCommand
{
    public static Command Create()
    {
        var families = CurriculumOptions.Families("--families", "radd");
        var difficulties = CurriculumOptions.Difficulties("Training difficulty range, e.g. 1-5", "1-5");
        var preset = new Option<string>("--preset")
            { Description = "Starting recipe: baby (default) or small", DefaultValueFactory = _ => "baby" };
        var set = new Option<string[]>("--set") { Description = "Override a recipe key (repeatable)" };
        var steps = CommonOptions.Steps();
        var output = CommonOptions.CheckpointFolder();
        var pack = new Option<bool>("--pack")
        {
            Description = "Pack problems back to back in each row (use with positions=rope); "
                + "default: one per row from position 0",
        };
        var mix = new Option<string?>("--mix")
            { Description = "Text data (a .txt/.jsonl file or folder) to mix into training; needs --against" };
        var mixFraction = new Option<double>("--mix-fraction")
            { Description = "Share of rows drawn from --mix", DefaultValueFactory = _ => 0.5 };
        var training = new TrainingOptions("--mix", logEvery: 50);
        return CliCommand.Create("train", "Train a GPT on the built-in curriculum (loss on answers only)",
            [families, difficulties, preset, set, steps, output, pack, mix, mixFraction, .. training.All], r =>
        {
            var kernels = CommonOptions.Kernels(r.GetValue(training.Threads));
            var printer = new Printer(r.GetValue(training.Json));
            int logInterval = r.GetValue(training.LogInterval);
            if (logInterval < 1) throw new UsageException("--log-interval must be at least 1");
            var taskFamilies = TaskFamilies.Parse(r.GetValue(families)!);
            var range = CurriculumGenerator.ParseDifficulties(r.GetValue(difficulties)!);
            if (range.Count != range[^1] - range[0] + 1)
                throw new UsageException(
                    $"--difficulties '{r.GetValue(difficulties)}' must be one contiguous range such as 1-5");
            var recipe = RecipeJson.Override(RecipePresets.Get(r.GetValue(preset)!), r.GetValue(set) ?? []);
            if (r.GetValue(steps) is { } s) recipe = recipe with { Steps = s };
            var data = CurriculumBatchSource.Data(taskFamilies, range[0], range[^1], r.GetValue(pack));
            if (r.GetValue(mix) is { } mixPath)
            {
                if (r.GetValue(training.Against) is not { } split)
                    throw new UsageException(
                        "--mix needs --against SPLIT_FOLDER: mixed-in data is checked for contamination first");
                var corpus = CorpusReader.Load(mixPath);
                ContaminationCheck.Require(mixPath, corpus.Documents, split, r.GetValue(training.Threshold));
                var text = new TokenStream(
                    ByteTokenizer.Encode(System.Text.Encoding.UTF8.GetBytes(corpus.JoinedText())));
                if (text.Length < recipe.Model.BlockSize + 1)
                    throw new DataException($"data {mixPath}: has {text.Length} bytes; "
                        + $"mixing needs at least block_size + 1 = {recipe.Model.BlockSize + 1}");
                string fraction = r.GetValue(mixFraction).ToString(System.Globalization.CultureInfo.InvariantCulture);
                string mixedSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                    System.Text.Encoding.UTF8.GetBytes(data.Sha256 + corpus.Sha256 + fraction)));
                data = new TrainingData($"{data.Name}+{mixPath}@{r.GetValue(mixFraction)}", mixedSha,
                    new MixtureBatchSource(data.Train, text, r.GetValue(mixFraction)), data.Validation);
            }
            int longest = taskFamilies.Max(f =>
                CurriculumGenerator.Draw(f, range[^1], CurriculumSplit.Train, new Tensors.Rng(1)).Line.Length);
            if (longest > recipe.Model.BlockSize)
                throw new UsageException(
                    $"block_size {recipe.Model.BlockSize} is shorter than a difficulty-{range[^1]} problem "
                    + $"({longest} tokens); raise block_size");
            using var trainer = new Trainer(recipe, data, kernels);
            printer.Line(
                $"model: {trainer.Model.Layout.Count:N0} parameters, {recipe.Model.Layers} layers, "
                + $"{recipe.Model.Embedding} wide, block {recipe.Model.BlockSize}; data: {data.Name}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            new TrainingReporter(printer, logInterval).Run(0, recipe.Steps, report => trainer.Run(report));
            double seconds = clock.Elapsed.TotalSeconds;
            string outDir = r.GetValue(output)!;
            TrainingCheckpoint.Save(trainer, outDir);
            printer.Result([
                ("steps", trainer.Step),
                ("train_loss", trainer.Losses.Count > 0 ? trainer.Losses[^1] : float.NaN),
                ("val_loss", trainer.EstimateLoss(data.Validation, recipe.EvalBatches)),
                ("train_seconds", Math.Round(seconds, 2)),
                ("parameters", trainer.Model.Layout.Count),
                ("checkpoint", Path.GetFullPath(outDir)),
                ("recipe_sha256", trainer.RecipeSha256),
                ("data", data.Name),
                ("data_sha256", data.Sha256),
            ]);
            return ExitCodes.Success;
        });
    }
}
