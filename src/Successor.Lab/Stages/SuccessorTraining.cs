// Stage 9. Successor training: the adopted recipe's full run, warm-started from the champion or, with
// research.continue_successor, the last rung's trial of the adopted recipe continued from the state it kept
// before its cooldown. Its data: the original data plus every kept self-generated set.
using Successor.Research;
using Successor.Training.Optimization;
using Successor.Training.Recipes;

namespace Successor.Lab.Stages;

sealed class SuccessorTraining(LabContext lab)
{
    /// <summary>The successor's recipe (what the next champion records) and its trial's result.</summary>
    public (Recipe Recipe, TrialResult Result) Run(GenerationState s, Recipe adopted, LastRung halving,
        List<string> selfGenerated,
        CancellationToken cancel)
    {
        int g = s.Number;
        var recipe = adopted with { Steps = Steps(g, adopted), Seed = lab.SeedFor(g, 999) };
        string share = "";
        double parentShare = s.Champion.Recipe.SelfGeneratedFraction;
        bool unmeasured = s.Champion.SelfGenerated.Count == 0 && selfGenerated.Count > 0;
        if (unmeasured && recipe.SelfGeneratedFraction != parentShare)
        {
            // The trials had no self-generated data, so the share they adopted changed nothing they measured: a
            // random draw would set how much of the first kept set the successor sees. The champion's share stays.
            share = $" (the champion's: the trials had no self-generated data to measure the adopted " +
                $"{recipe.SelfGeneratedFraction:0.00} on)";
            recipe = recipe with { SelfGeneratedFraction = parentShare };
        }
        var (plan, start) = Plan(s, halving, recipe, selfGenerated);
        lab.Report(
            new(g, "successor", $"training the successor: {plan.Recipe.Steps - (plan.From?.Step ?? 0)} steps, {start}, "
            + $"self-generated share {recipe.SelfGeneratedFraction:0.00}{share} of {selfGenerated.Count} kept set(s)"));
        var siblings = new SelfGeneration.Siblings(lab);
        var results = lab.Trials.Run(g, [plan, .. siblings.Plans(g, recipe, s.Champion, selfGenerated)], cancel);
        siblings.Store(g, results);
        return (recipe, results[plan.Id]);
    }

    /// <summary>The successor's steps: successor_steps of the lab's recipe at equal tokens, or, for the last
    /// generation with budgets.last_successor_takes_rest, as many whole steps as the lab's tokens have left.
    /// Counted from recorded trials only, so a resumed run gives an interrupted successor the same steps.</summary>
    int Steps(int g, Recipe recipe)
    {
        var b = lab.Config.Budgets;
        return b.LastSuccessorTakesRest && g == lab.Config.Generations
            ? (int)Math.Max(1, (b.LabTokens - lab.TokensUsed("")) / TrialRecipes.TokensOf(recipe with { Steps = 1 }))
            : lab.Recipes.EqualTokenSteps(recipe, b.SuccessorSteps);
    }

    /// <summary>The successor's run and how it starts: warm-started from the champion or, with
    /// research.continue_successor, the last rung's trial of the adopted recipe continued from the state it kept
    /// before its cooldown, for `adopted.Steps` new steps and then the adopted recipe's cooldown. The run keeps
    /// that trial's seed and warmup, which continuing requires; the next champion's recipe stays the adopted
    /// one.</summary>
    (TrialPlan Plan, string Start) Plan(GenerationState s, LastRung halving, Recipe adopted, List<string> selfGenerated)
    {
        var (g, champion) = (s.Number, s.Champion);
        var warm = new TrialPlan($"g{g}-successor", adopted, champion.CheckpointDigest, selfGenerated);
        if (!lab.Config.Research.ContinueSuccessor) return (warm, "warm-started from the champion");
        if (!selfGenerated.SequenceEqual(champion.SelfGenerated))
            return (warm, "warm-started from the champion (its data has new self-generated sets, " +
                "which the trials did not train on)");
        string sha = RecipeJson.Sha256(adopted with { Steps = champion.Recipe.Steps, Seed = champion.Recipe.Seed });
        var arm = halving.Ranked.Select(x => x.Proposal).Prepend(Proposal.Control(""))
            .FirstOrDefault(p => RecipeJson.Sha256(TrialRecipes.Apply(champion.Recipe, p.Overrides)) == sha);
        if (arm is null || halving.Results.GetValueOrDefault($"g{g}-r{halving.Rung}-{arm.Id}") is not { Ok: true,
            StableSha256: { } stable } trial)
            return (warm,
                "warm-started from the champion (no trial of the last rung ran the adopted recipe and kept its state)");
        var ran = lab.Recipes.Trial(adopted, halving.Steps, lab.SeedFor(g, 0));
        int at = LearningRateSchedule.StableSteps(ran), total = at + adopted.Steps;
        var continued =
            ran with { Steps = total, CooldownSteps = LearningRateSchedule.CooldownOf(adopted with { Steps = total }) };
        if (RecipeJson.Sha256(ran) != trial.RecipeSha256 || LearningRateSchedule.StableSteps(continued) < at)
            return (warm, $"warm-started from the champion ({trial.Id}'s state cannot be continued by " +
                $"{adopted.Steps} more steps and the "
                + "adopted cooldown)");
        return (warm with { Recipe = continued, From = new Continuation(trial.Id, at, stable) },
            $"continuing {trial.Id} from its state at step {at}, before its cooldown");
    }
}
