// `successor import --format hf-gpt2 DIR --out DIR`: a Hugging Face GPT-2 folder as a Successor checkpoint folder
// (model.safetensors, recipe.json: the default recipe with the imported model, and origin.json: the source's
// hashes), which eval, sample, export and a lab's first_champion read.
using Successor.Models.Checkpoints;
using Successor.Models.Interop;
using Successor.Training;
using Successor.Training.Recipes;

namespace Successor.Cli.Commands.Interop;

public static class ImportCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("folder") { Description = "A Hugging Face GPT-2 folder: config.json and " +
            "model.safetensors (F32)" };
        var format = new Option<string>("--format") { Description = $"The source's format: {ModelExportCommand.HfGpt2}",
            Required = true };
        var output = new Option<string>("--out") { Description = "The checkpoint folder to write", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("import", "Import a model (a Hugging Face GPT-2) as a Successor checkpoint")
        {
            source, format, output, json,
        };
        command.SetAction(r =>
        {
            if (r.GetValue(format) is var chosen && chosen != ModelExportCommand.HfGpt2)
                throw new UsageException(
                    $"--format is {chosen}; the format import reads is {ModelExportCommand.HfGpt2}");
            string to = r.GetValue(output)!;
            var (model, origin) = HfGpt2Importer.Import(r.GetValue(source)!, CommonOptions.Kernels(1));
            using (model)
            {
                var recipe = RecipePresets.Baby with { Model = model.Config };
                string sha = RecipeJson.Sha256(recipe);
                Directory.CreateDirectory(to);
                File.WriteAllText(Path.Combine(to, TrainingCheckpoint.RecipeFile), RecipeJson.Serialize(recipe));
                origin.Write(to);
                ModelCheckpoint.Save(Path.Combine(to, TrainingCheckpoint.ModelFile), model, sha, 0);
                new Printer(r.GetValue(json)).Result([
                    ("format", origin.Format), ("out", to), ("parameters", model.Layout.Count),
                    ("recipe_sha256", sha), ("source_config_sha256", origin.ConfigSha256),
                    ("source_weights_sha256", origin.WeightsSha256),
                ]);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
