// A resumable training state in one folder: model.safetensors (weights), optimizer.safetensors (AdamW
// moments, under "m." and "v."), recipe.json. The optimizer file is written first and both carry
// the step, so a crash between the two writes is detected on resume instead of mixing steps.
using System.Globalization;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Training;

public static class TrainingCheckpoint
{
    public const string ModelFile = "model.safetensors", OptimizerFile = "optimizer.safetensors", RecipeFile = "recipe.json";

    public static void Save(Trainer trainer, string directory)
    {
        if (!trainer.WeightsAreFinite())
            throw new TrainingDivergedException($"step {trainer.Step}: weights contain NaN or Inf; no checkpoint written to {directory}");
        Directory.CreateDirectory(directory);
        var model = trainer.Model;
        var step = trainer.Step.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(directory, RecipeFile), RecipeJson.Serialize(trainer.Recipe));
        SafeTensorsFile.Write(Path.Combine(directory, OptimizerFile),
            [.. ModelCheckpoint.Tensors(model.Layout, trainer.Optimizer.M, "m."), .. ModelCheckpoint.Tensors(model.Layout, trainer.Optimizer.V, "v.")],
            new Dictionary<string, string> { ["format"] = "successor.adamw", ["step"] = step, ["recipe_sha256"] = trainer.RecipeSha256 });
        ModelCheckpoint.Save(Path.Combine(directory, ModelFile), model, trainer.RecipeSha256, trainer.Step);
    }

    /// <summary>Rebuilds a trainer from a folder Save wrote; the recipe may differ only in Steps (to train longer).</summary>
    public static Trainer Resume(string directory, TrainingData data, IKernels kernels, int? steps = null, GptModel? teacher = null)
    {
        string recipePath = Path.Combine(directory, RecipeFile);
        if (!File.Exists(recipePath)) throw new RecipeException($"checkpoint {directory}: has no {RecipeFile}; give a folder written by successor train");
        var recipe = RecipeJson.Parse(File.ReadAllText(recipePath), recipePath);
        string modelPath = Path.Combine(directory, ModelFile), optimizerPath = Path.Combine(directory, OptimizerFile);
        var (model, info) = ModelCheckpoint.Load(modelPath, kernels);
        if (info.RecipeSha256 != RecipeJson.Sha256(recipe) || info.Config != recipe.Model)
        {
            model.Dispose();
            throw new CheckpointFormatException(modelPath, "was written by a different recipe than recipe.json", "the recipe.json saved beside it");
        }
        var trainer = new Trainer(steps is { } s ? recipe with { Steps = s } : recipe, data, kernels, model, teacher);
        try
        {
            var optimizer = SafeTensorsFile.Read(optimizerPath);
            if (!optimizer.Metadata.TryGetValue("step", out var optimizerStep) || optimizerStep != info.Step.ToString(CultureInfo.InvariantCulture))
                throw new CheckpointFormatException(optimizerPath, $"is at step {optimizerStep ?? "(none)"} but the model is at step {info.Step}", "both files from the same save");
            if (optimizer.Tensors.FirstOrDefault(t => !t.Name.StartsWith("m.", StringComparison.Ordinal) && !t.Name.StartsWith("v.", StringComparison.Ordinal)) is { } stray)
                throw new CheckpointFormatException(optimizerPath, $"tensor '{stray.Name}' is not an AdamW moment", "only m.* and v.* tensors");
            ModelCheckpoint.Fill(optimizerPath, optimizer, model.Layout, trainer.Optimizer.M, "m.");
            ModelCheckpoint.Fill(optimizerPath, optimizer, model.Layout, trainer.Optimizer.V, "v.");
            trainer.Optimizer.Step = info.Step;
            return trainer;
        }
        catch
        {
            trainer.Dispose();
            throw;
        }
    }
}
