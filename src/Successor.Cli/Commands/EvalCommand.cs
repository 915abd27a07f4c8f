// `successor eval`: a checkpoint's loss and bits per byte on a text file (every position predicted once),
// or its exact-match accuracy on built-in curriculum problems (public validation side) with the
// capability horizon per family and a weakness report.
using Successor.Cli.Commands.Curriculum;
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Models.Tokenizers;
using Successor.Training;
using Successor.Training.Data;

namespace Successor.Cli.Commands;

public static class EvalCommand
{
    public static Command Create()
    {
        var checkpoint = CommonOptions.Checkpoint();
        var data = new Option<string?>("--data") { Description = "Text file to evaluate on (all of it)" };
        var curriculum = new Option<string?>("--curriculum")
            { Description = "Task families to evaluate (comma-separated or all) instead of --data" };
        var difficulties = CurriculumOptions.Difficulties("Curriculum difficulties, e.g. 1-10", "1-10");
        var count = CurriculumOptions.Count(200, "Curriculum problems");
        var seed = CommonOptions.Seed("Seed of the curriculum problem set");
        var batch = new Option<int>("--batch-size")
        {
            Description = "Windows per forward pass (text) or rows decoded at once (curriculum)",
            DefaultValueFactory = _ => 8,
        };
        var shift = new Option<int>("--digit-shift")
        {
            Description = "Curriculum, digit positions only: add K to every position id, as a training offset does " +
                "(0 to digit_offset); shows whether the model's skill depends on where its ids start",
        };
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        return CliCommand.Create("eval",
            "Loss and bits per byte on a text file, or exact match on curriculum problems",
            [checkpoint, data, curriculum, difficulties, count, seed, batch, shift, threads, json], r =>
        {
            var kernels = CommonOptions.Kernels(r.GetValue(threads));
            if (r.GetValue(batch) < 1)
                throw new UsageException($"--batch-size is {r.GetValue(batch)}; it must be at least 1");
            if ((r.GetValue(data) is null) == (r.GetValue(curriculum) is null))
                throw new UsageException("give --data FILE (text) or --curriculum FAMILIES, exactly one");
            if (r.GetValue(curriculum) is { } families)
                return Curriculum(r.GetValue(checkpoint)!, families, r.GetValue(difficulties)!, r.GetValue(count),
                    r.GetValue(seed), Math.Max(r.GetValue(batch), 64), r.GetValue(shift), kernels, r.GetValue(json));
            if (r.GetValue(shift) != 0) throw new UsageException("--digit-shift applies to --curriculum only");
            string path = r.GetValue(data)!;
            byte[] bytes;
            try { bytes = File.ReadAllBytes(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataException($"data {path}: cannot be read ({e.Message})");
            }
            if (bytes.Length < 2)
                throw new DataException($"data {path}: has {bytes.Length} bytes; at least 2 are needed to predict one");
            var (model, info) = CheckpointPath.Load(r.GetValue(checkpoint)!, kernels);
            using (model)
            {
                float loss = Trainer.FullLoss(model, new TokenStream(ByteTokenizer.Encode(bytes)), r.GetValue(batch));
                new Printer(r.GetValue(json)).Result([
                    ("loss", loss), ("bits_per_byte", loss / MathF.Log(2f)), ("tokens", bytes.Length - 1),
                    ("checkpoint_step", info.Step),
                ]);
            }
            return ExitCodes.Success;
        });
    }

    static int Curriculum(string checkpoint, string families, string difficulties, int count, ulong seed, int rows,
        int shift, Tensors.IKernels kernels, bool json)
    {
        var problems = CurriculumGenerator.Set(TaskFamilies.Parse(families),
            CurriculumGenerator.ParseDifficulties(difficulties), count, seed, CurriculumSplit.Validation);
        var (model, info) = CheckpointPath.Load(checkpoint, kernels);
        using (model)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var items = CurriculumEvaluator.Run(model, problems, rows, shift);
            List<(string, object?)> extra =
                [("eval_seconds", Math.Round(clock.Elapsed.TotalSeconds, 2)), ("checkpoint_step", info.Step)];
            if (shift != 0) extra.Add(("digit_shift", shift));
            CurriculumReport.Print(json, items, extra, seed);
        }
        return ExitCodes.Success;
    }
}
