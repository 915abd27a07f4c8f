// `successor eval`: a checkpoint's loss on a text file, every position predicted once.
using System.CommandLine;
using Successor.Cli.Output;
using Successor.Models.Tokenizers;
using Successor.Training;
using Successor.Training.Data;

namespace Successor.Cli.Commands;

public static class EvalCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "A model.safetensors file or its folder", Required = true };
        var data = new Option<string>("--data") { Description = "Text file to evaluate on (all of it)", Required = true };
        var batch = new Option<int>("--batch-size") { Description = "Windows per forward pass", DefaultValueFactory = _ => 8 };
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var command = new Command("eval", "Loss and bits per byte of a checkpoint on a text file") { checkpoint, data, batch, threads, json };
        command.SetAction(r =>
        {
            var kernels = CommonOptions.Kernels(r.GetValue(threads));
            if (r.GetValue(batch) < 1) throw new UsageException($"--batch-size is {r.GetValue(batch)}; it must be at least 1");
            string path = r.GetValue(data)!;
            byte[] bytes;
            try { bytes = File.ReadAllBytes(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DataException($"data {path}: cannot be read ({e.Message})"); }
            if (bytes.Length < 2) throw new DataException($"data {path}: has {bytes.Length} bytes; at least 2 are needed to predict one");
            var (model, info) = CheckpointPath.Load(r.GetValue(checkpoint)!, kernels);
            using (model)
            {
                float loss = Trainer.FullLoss(model, new TokenStream(ByteTokenizer.Encode(bytes)), r.GetValue(batch));
                new Printer(r.GetValue(json)).Result([
                    ("loss", loss), ("bits_per_byte", loss / MathF.Log(2f)), ("tokens", bytes.Length - 1), ("checkpoint_step", info.Step),
                ]);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
