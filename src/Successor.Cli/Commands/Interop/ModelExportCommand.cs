// `successor export`: the ledger as PROV-JSON (--prov), or with --format hf-gpt2 a checkpoint as a Hugging Face
// GPT-2 folder. One verb, two kinds of output, so the ledger's command is extended here rather than renamed.
using System.CommandLine.Invocation;
using Successor.Models.Interop;

namespace Successor.Cli.Commands.Interop;

public static class ModelExportCommand
{
    public const string HfGpt2 = "hf-gpt2";

    public static Command Create()
    {
        var command = Ledger.ExportCommand.Create();
        var ledgerExport = (SynchronousCommandLineAction)command.Action!;
        var format = new Option<string?>("--format")
            { Description = $"{HfGpt2}: export a model checkpoint as a Hugging Face GPT-2 folder (needs --checkpoint " +
                "and --out)" };
        var checkpoint = new Option<string?>("--checkpoint")
            { Description = "With --format: a model.safetensors file or its folder" };
        var output = new Option<string?>("--out")
            { Description = "With --format: the folder to write config.json and model.safetensors to" };
        var json = CommonOptions.Json();
        command.Options.Add(format);
        command.Options.Add(checkpoint);
        command.Options.Add(output);
        command.Options.Add(json);
        command.Description = $"Export the ledger (--prov) or a model (--format {HfGpt2} --checkpoint DIR --out DIR)";
        command.SetAction(r =>
        {
            if (r.GetValue(format) is not { } chosen)
                return r.GetValue<bool>("--prov") ? ledgerExport.Invoke(r)
                    : throw new UsageException($"export: no format chosen; add --prov (the ledger as W3C PROV-JSON) " +
                        $"or --format {HfGpt2} (a model)");
            if (r.GetValue<bool>("--prov"))
                throw new UsageException("export: --prov and --format both given; choose one (the ledger or a model)");
            if (chosen != HfGpt2)
                throw new UsageException($"--format is {chosen}; the model format export writes is {HfGpt2}");
            string from = r.GetValue(checkpoint)
                ?? throw new UsageException(
                    $"--format {HfGpt2} needs --checkpoint (a model.safetensors or its folder)");
            string to = r.GetValue(output)
                ?? throw new UsageException($"--format {HfGpt2} needs --out (the folder to write)");
            var (model, info) = CheckpointPath.Load(from, CommonOptions.Kernels(1));
            using (model)
            {
                HfGpt2Exporter.Export(model, to);
                new Printer(r.GetValue(json)).Result([
                    ("format", HfGpt2), ("out", to), ("parameters", model.Layout.Count), ("checkpoint_step", info.Step),
                    ("recipe_sha256", info.RecipeSha256),
                ]);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
