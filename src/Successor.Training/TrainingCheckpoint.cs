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
    public const string ModelFile = "model.safetensors", OptimizerFile = "optimizer.safetensors",
        RecipeFile = "recipe.json";

    public static void Save(Trainer trainer, string directory)
    {
        if (!trainer.WeightsAreFinite())
            throw new TrainingDivergedException(
                $"step {trainer.Step}: weights contain NaN or Inf; no checkpoint written to {directory}");
        Directory.CreateDirectory(directory);
        var model = trainer.Model;
        var step = trainer.Step.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(directory, RecipeFile), RecipeJson.Serialize(trainer.Recipe));
        SafeTensorsFile.Write(Path.Combine(directory, OptimizerFile),
            [.. ModelCheckpoint.Tensors(model.Layout, trainer.Optimizer.M, "m."),
                .. ModelCheckpoint.Tensors(model.Layout, trainer.Optimizer.V, "v.")],
            new Dictionary<string, string> { ["format"] = "successor.adamw", ["step"] = step,
                ["recipe_sha256"] = trainer.RecipeSha256 });
        ModelCheckpoint.Save(Path.Combine(directory, ModelFile), model, trainer.RecipeSha256, trainer.Step);
    }

    /// <summary>Rebuilds a trainer from a folder Save wrote; the recipe may differ only in Steps (to train
    /// longer).</summary>
    public static Trainer Resume(string directory, TrainingData data, IKernels kernels, int? steps = null,
        GptModel? teacher = null) =>
        Load(directory, data, kernels, saved => steps is { } s ? saved with { Steps = s } : saved, teacher);

    /// <summary>Continues a wsd run from a state saved before its cooldown, under a recipe that differs from the
    /// saved one only in steps, cooldown_steps and cooldown_shape and that is still in its stable part at the saved
    /// step: the learning rates of every step so far are the same under both, so this trains exactly as one run of
    /// `recipe` from the start would (successive halving promotes a trial this way, paying only the new
    /// steps).</summary>
    public static Trainer Continue(string directory, Recipe recipe, TrainingData data, IKernels kernels,
        GptModel? teacher = null)
    {
        int stable = Optimization.LearningRateSchedule.StableSteps(recipe);
        return Load(directory, data, kernels, saved =>
        {
            stable = Math.Min(stable, Optimization.LearningRateSchedule.StableSteps(saved));
            if (saved.Schedule != Schedule.Wsd
                || recipe != saved with { Steps = recipe.Steps, CooldownSteps = recipe.CooldownSteps,
                    CooldownShape = recipe.CooldownShape })
                throw new RecipeException(
                    $"checkpoint {directory}: was saved by a different recipe; " +
                    "only a wsd run whose recipe differs in steps, " +
                    "cooldown_steps and cooldown_shape alone can be continued");
            return recipe;
        }, teacher, step =>
        {
            if (step > stable)
                throw new RecipeException(
                    $"checkpoint {directory}: is at step {step}, past step {stable} where a cooldown starts; " +
                    "continue from a state saved before it");
        });
    }

    static Trainer Load(string directory, TrainingData data, IKernels kernels, Func<Recipe, Recipe> recipeFor,
        GptModel? teacher, Action<long>? check = null)
    {
        string recipePath = Path.Combine(directory, RecipeFile);
        if (!File.Exists(recipePath))
            throw new RecipeException(
                $"checkpoint {directory}: has no {RecipeFile}; give a folder written by successor train");
        var recipe = RecipeJson.Parse(File.ReadAllText(recipePath), recipePath);
        string modelPath = Path.Combine(directory, ModelFile), optimizerPath = Path.Combine(directory, OptimizerFile);
        var (model, info) = ModelCheckpoint.Load(modelPath, kernels);
        if (info.RecipeSha256 != RecipeJson.Sha256(recipe) || info.Config != recipe.Model)
        {
            model.Dispose();
            throw new CheckpointFormatException(modelPath, "was written by a different recipe than recipe.json",
                "the recipe.json saved beside it");
        }
        Recipe continuing;
        try { continuing = recipeFor(recipe); }
        catch { model.Dispose(); throw; }
        var trainer = new Trainer(continuing, data, kernels, model, teacher);
        try
        {
            var optimizer = SafeTensorsFile.Read(optimizerPath);
            if (!optimizer.Metadata.TryGetValue("step", out var optimizerStep)
                || optimizerStep != info.Step.ToString(CultureInfo.InvariantCulture))
                throw new CheckpointFormatException(optimizerPath,
                    $"is at step {optimizerStep ?? "(none)"} but the model is at step {info.Step}",
                    "both files from the same save");
            if (optimizer.Tensors.FirstOrDefault(t =>
                !t.Name.StartsWith("m.", StringComparison.Ordinal)
                && !t.Name.StartsWith("v.", StringComparison.Ordinal)) is { } stray)
                throw new CheckpointFormatException(optimizerPath, $"tensor '{stray.Name}' is not an AdamW moment",
                    "only m.* and v.* tensors");
            ModelCheckpoint.Fill(optimizerPath, optimizer, model.Layout, trainer.Optimizer.M, "m.");
            ModelCheckpoint.Fill(optimizerPath, optimizer, model.Layout, trainer.Optimizer.V, "v.");
            trainer.Optimizer.Step = info.Step;
            check?.Invoke(info.Step);
            return trainer;
        }
        catch
        {
            trainer.Dispose();
            throw;
        }
    }
}
