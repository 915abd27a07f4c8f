// How the lab turns a recipe into what a trial or a successor runs. Budgets count steps of the lab's own
// recipe, so a change of batch size neither buys nor loses tokens: a recipe that halves the batch takes
// twice the steps.
using Successor.Lab.Config;
using Successor.Training.Recipes;

namespace Successor.Lab.Trials;

public sealed class TrialRecipes(LabConfig config)
{
    /// <summary>`recipe` with `key=value` overrides applied (none: the recipe itself).</summary>
    public static Recipe Apply(Recipe recipe, IReadOnlyList<string> overrides) =>
        overrides.Count == 0 ? recipe : RecipeJson.Override(recipe, overrides);

    /// <summary>The tokens a recipe trains on: its whole compute budget.</summary>
    public static long TokensOf(Recipe r) => (long)r.Steps * r.BatchSize * r.GradAccumulation * r.Model.BlockSize;

    /// <summary>Steps of `recipe` that train on as many tokens as `steps` of the lab's own recipe.</summary>
    public int EqualTokenSteps(Recipe recipe, int steps) =>
        Math.Max(1, (int)((long)steps * config.Recipe.BatchSize * config.Recipe.GradAccumulation
            / ((long)recipe.BatchSize * recipe.GradAccumulation)));

    /// <summary>`recipe` as a trial of `steps` (equal tokens). With research.continue_trials the trial runs the
    /// wsd schedule: `steps` at the peak, then a cooldown of trial_cooldown of them (or, when the recipe has a
    /// cooldown_fraction, the cooldown that makes that share of the trial); its warmup is capped at half
    /// the first rung, the same at every rung, so a longer trial continues a shorter one. With
    /// scale_trial_schedules the successor's decay is shrunk to the trial's length; the warmup keeps its steps
    /// (what it waits for, Adam's moment estimates settling, takes as many steps in a short run as in a long
    /// one), at most half the trial so that the trial reaches its peak.</summary>
    public Recipe Trial(Recipe recipe, int steps, ulong seed)
    {
        int n = EqualTokenSteps(recipe, steps);
        var trial = recipe with { Steps = n, Seed = seed };
        if (config.Research.ContinueTrials)
        {
            // a searched cooldown_fraction is the cooldown's share of the whole run, so of n stable steps f / (1 − f)
            double f = Math.Min(0.9, recipe.CooldownFraction);
            double share = f > 0 ? f / (1 - f) : config.Research.TrialCooldown;
            int cooldown = Math.Max(1, (int)Math.Round(n * share));
            return trial with
            {
                Schedule = Schedule.Wsd, Steps = n + cooldown, CooldownSteps = cooldown, CooldownFraction = 0,
                DecaySteps = 0,
                WarmupSteps = Math.Min(recipe.WarmupSteps, EqualTokenSteps(recipe, config.Budgets.TrialSteps) / 2),
            };
        }
        if (!config.Research.ScaleTrialSchedules) return trial;
        double shrink = Math.Min(1, steps / (double)config.Budgets.SuccessorSteps);
        return trial with { WarmupSteps = Math.Min(recipe.WarmupSteps, n / 2),
            DecaySteps = (int)Math.Round(recipe.DecaySteps * shrink) };
    }
}
