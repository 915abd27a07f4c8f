// Stage 4. Experiments: every proposal that passes the protected-surface screen trains as a trial in a
// worker process, under successive halving, each rung against a control trained with the same budget.
// Each rung's effects are interpreted (Interpretation) and the best 1/eta go on to a longer rung.
using System.Text;
using Successor.Research;
using Successor.Safety.Gates;
using Successor.Training.Recipes;

namespace Successor.Lab.Stages;

sealed class Experiments(LabContext lab)
{
    public LastRung Run(GenerationState s, List<Proposal> proposals, CancellationToken cancel)
    {
        int g = s.Number;
        var (config, champion) = (lab.Config, s.Champion);
        var control = proposals[0];
        var alive = new List<Proposal>();
        foreach (var p in proposals.Skip(1))
        {
            if (ProtectedSurface.Touched(p.Overrides) is { } key)
            {
                lab.RaiseIncident(g, $"protected-surface-{p.Id}", "protected-surface",
                    $"proposal {p.Id} ({string.Join(" ", p.Overrides)}) touches {key}, " +
                        "which only the operator may change; refused");
                continue;
            }
            if (p.Overrides.Any(o => o.Trim().StartsWith("activation_plugin", StringComparison.Ordinal)))
            {
                lab.Report(new(g, "proposal", $"{p.Id} refused: the judge never runs plug-in code, so a model whose "
                    + "forward pass needs an activation plug-in could not be verified"));
                continue;
            }
            try { TrialRecipes.Apply(champion.Recipe, p.Overrides); alive.Add(p); }
            catch (RecipeException e) { lab.Report(new(g, "proposal", $"{p.Id} refused: {e.Message}")); }
        }
        var ranked = new List<(Proposal, Finding)>();
        int steps = config.Budgets.TrialSteps, lastSteps = steps, lastRung = -1;
        Dictionary<string, TrialResult> results = [];
        ulong seed = lab.SeedFor(g, 0);
        var interpretation = new Interpretation(lab);
        for (int r = 0; r < config.Research.Rungs && alive.Count > 0; r++, steps *= config.Research.Eta)
        {
            var plans = Plans(g, champion, [control, .. alive], r, steps, seed, results);
            if (GenerationBudgetLeft(g) is { } left && plans.Sum(p => TrialRecipes.TokensOf(p.Recipe)) > left)
            {
                lab.Report(
                    new(g, "budget", $"rung {r} would exceed the generation's token budget; halving stops here"));
                break;
            }
            results = lab.Trials.Run(g, plans, cancel);
            lastSteps = steps;
            lastRung = r;
            var baseline = results[$"g{g}-r{r}-{control.Id}"];
            if (!baseline.Ok)
            {
                lab.Report(new(g, "trials", $"the control failed at rung {r}; no effect can be measured"));
                break;
            }
            ranked = [.. alive.Where(p => results[$"g{g}-r{r}-{p.Id}"].Ok)
                .Select(p => (p, interpretation.Run(g, $"g{g}-r{r}-{p.Id}", p, results[$"g{g}-r{r}-{p.Id}"], baseline)))
                .OrderByDescending(x => x.Item2.Effect)];
            lab.Report(new(g, "rung", Table(g, r, baseline, ranked)));
            lab.Report(new(g, "best", "best so far: " +
                $"{(ranked.Count > 0 ? $"{ranked[0].Item1.Id} ({string.Join(" ", ranked[0].Item1.Overrides)}), "
                + $"effect {Signed.S(ranked[0].Item2.Effect)}" : "none")}"));
            alive = [.. ranked.Take(Math.Max(1, (int)Math.Ceiling(ranked.Count / (double)config.Research.Eta)))
                .Select(x => x.Item1)];
        }
        return new(ranked, ranked.Count(x => alive.Contains(x.Item1)), lastSteps, lastRung, results);
    }

    /// <summary>Rung r's trials: each arm at `steps`, continuing its previous rung's stable state when it kept
    /// one.</summary>
    List<TrialPlan> Plans(int g, Champion champion, List<Proposal> arms, int r, int steps, ulong seed,
        Dictionary<string, TrialResult> previous)
    {
        var research = lab.Config.Research;
        return [.. arms.Select(p =>
        {
            var recipe = lab.Recipes.Trial(TrialRecipes.Apply(champion.Recipe, p.Overrides), steps, seed);
            return new TrialPlan($"g{g}-r{r}-{p.Id}", recipe, champion.CheckpointDigest, champion.SelfGenerated)
            {
                KeepStable = research.ContinueTrials && (r + 1 < research.Rungs || research.ContinueSuccessor),
                From = r > 0 && previous.GetValueOrDefault($"g{g}-r{r - 1}-{p.Id}") is { StableSha256: { } sha } before
                    ? new Continuation(before.Id, lab.Recipes.EqualTokenSteps(recipe, steps / research.Eta), sha)
                        : null,
            };
        })];
    }

    long? GenerationBudgetLeft(int g) =>
        lab.Config.Budgets.GenerationTokens > 0 ? lab.Config.Budgets.GenerationTokens - lab.TokensUsed($"g{g}-") : null;

    string Table(int generation, int rung, TrialResult control, List<(Proposal P, Finding F)> ranked)
    {
        long cap = lab.Config.Budgets.GenerationTokens;
        var s = new StringBuilder($"rung {rung} ({lab.TokensUsed($"g{generation}-"):N0} tokens used this generation"
            + $"{(cap > 0 ? $" of {cap:N0}" : "")}); {lab.Task.Metric}, effect vs control [95% CI]: "
            + $"control {lab.Public(control.Score)}");
        foreach (var (p, f) in ranked)
            s.Append($" | {p.Id} {lab.Public(f.Score)} ({Signed.S(f.Effect)} [{Signed.S(f.Low)}, {Signed.S(f.High)}])");
        return s.ToString();
    }
}
