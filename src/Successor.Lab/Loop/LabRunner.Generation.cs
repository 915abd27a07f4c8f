// One generation, stage by stage (the numbering follows the issue's ten stages; stage 3, code-writing
// researchers, is not part of this loop).
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Successor.Evaluation.Statistics;
using Successor.Lab.Trials;
using Successor.Ledger.Prov;
using Successor.Research;
using Successor.Tensors;
using Successor.Training.Optimization;
using Successor.Training.Recipes;
using Successor.Statistics;

namespace Successor.Lab.Loop;

public sealed partial class LabRunner
{
    Champion Generation(int g, Champion champion, CancellationToken cancel)
    {
        var started = DateTimeOffset.UtcNow;
        var genClock = generationClock = Stopwatch.StartNew();
        report(new(g, "start", $"generation {g}: champion from generation {champion.Generation}"));
        var weaknesses = Weaknesses(g, champion);
        var proposals = Proposals(g, champion, weaknesses);
        var halving = Halving(g, champion, proposals, cancel);
        SafePoint(g);
        var recipe = Select(g, champion, halving, cancel);
        var (selfGenerated, curation) = Curate(g, champion);
        var safety = Safety(g, selfGenerated.Except(champion.SelfGenerated).ToList());
        SafePoint(g);
        var successorRecipe = recipe with { Steps = SuccessorSteps(g, recipe), Seed = SeedFor(g, 999) };
        var (plan, start) = SuccessorPlan(g, champion, halving, successorRecipe, selfGenerated);
        report(new(g, "successor", $"training the successor: {plan.Recipe.Steps - (plan.From?.Step ?? 0)} steps, {start}, self-generated share {successorRecipe.SelfGeneratedFraction:0.00} of {selfGenerated.Count} kept set(s)"));
        var successor = RunTrials(g, [plan], cancel)[plan.Id];
        SafePoint(g);
        return Verify(g, champion, successor, successorRecipe, selfGenerated, curation, safety, started, genClock);
    }

    /// <summary>The successor's steps: successor_steps of the lab's recipe at equal tokens, or, for the last
    /// generation with budgets.last_successor_takes_rest, as many whole steps as the lab's tokens have left.
    /// Counted from recorded trials only, so a resumed run gives an interrupted successor the same steps.</summary>
    int SuccessorSteps(int g, Recipe recipe) => config.Budgets.LastSuccessorTakesRest && g == config.Generations
        ? (int)Math.Max(1, (config.Budgets.LabTokens - TokensUsed("")) / TokensOf(recipe with { Steps = 1 }))
        : EqualTokenSteps(recipe, config.Budgets.SuccessorSteps);

    /// <summary>The successor's run and how it starts: warm-started from the champion or, with
    /// research.continue_successor, the last rung's trial of the adopted recipe continued from the state it kept
    /// before its cooldown, for `adopted.Steps` new steps and then the adopted recipe's cooldown. The run keeps
    /// that trial's seed and warmup, which continuing requires; the next champion's recipe stays the adopted one.</summary>
    (TrialPlan Plan, string Start) SuccessorPlan(int g, Champion champion, LastRung halving, Recipe adopted, List<string> selfGenerated)
    {
        var warm = new TrialPlan($"g{g}-successor", adopted, champion.CheckpointDigest, selfGenerated);
        if (!config.Research.ContinueSuccessor) return (warm, "warm-started from the champion");
        if (!selfGenerated.SequenceEqual(champion.SelfGenerated))
            return (warm, "warm-started from the champion (its data has new self-generated sets, which the trials did not train on)");
        string sha = RecipeJson.Sha256(adopted with { Steps = champion.Recipe.Steps, Seed = champion.Recipe.Seed });
        var arm = halving.Ranked.Select(x => x.Proposal).Prepend(Proposal.Control(""))
            .FirstOrDefault(p => RecipeJson.Sha256(Apply(champion.Recipe, p.Overrides)) == sha);
        if (arm is null || halving.Results.GetValueOrDefault($"g{g}-r{halving.Rung}-{arm.Id}") is not { Ok: true, StableSha256: { } stable } trial)
            return (warm, "warm-started from the champion (no trial of the last rung ran the adopted recipe and kept its state)");
        var ran = Trial(adopted, halving.Steps, SeedFor(g, 0));
        int at = LearningRateSchedule.StableSteps(ran), total = at + adopted.Steps;
        var continued = ran with { Steps = total, CooldownSteps = LearningRateSchedule.CooldownOf(adopted with { Steps = total }) };
        if (RecipeJson.Sha256(ran) != trial.RecipeSha256 || LearningRateSchedule.StableSteps(continued) < at)
            return (warm, $"warm-started from the champion ({trial.Id}'s state cannot be continued by {adopted.Steps} more steps and the adopted cooldown)");
        return (warm with { Recipe = continued, From = new Continuation(trial.Id, at, stable) },
            $"continuing {trial.Id} from its state at step {at}, before its cooldown");
    }

    ulong SeedFor(int g, int index) => Rng.For(config.Seed, 0x7121A1, (ulong)g, (ulong)index).NextULong() >> 12;

    // 1. Weakness analysis on public validation (never the sealed holdout).
    List<PublicWeakness> Weaknesses(int g, Champion champion)
    {
        string id = journal.Id("weakness", $"g{g}");
        List<PublicWeakness>? weak = null;
        var attributes = journal.Once(id, () =>
        {
            using var model = Load(champion.CheckpointDigest);
            var (found, report) = task.Weaknesses(model);
            weak = found;
            report["generation"] = g;
            report["metric"] = task.Metric;
            report["weaknesses"] = new JsonArray([.. found.Select(w => (JsonNode)new JsonObject { ["slice"] = w.Slice, ["score"] = w.Score, ["metric"] = w.Metric })]);
            string digest = journal.Store(Encoding.UTF8.GetBytes(report.ToJsonString()));
            return ProvStatement.Artifact(id, "weakness-report", digest, report);
        });
        weak ??= [.. attributes["weaknesses"]!.AsArray().Select(n => new PublicWeakness((string)n!["slice"]!, (double)n["score"]!, (string)n["metric"]!))];
        report(new(g, "weakness", $"public {task.Metric} {(double)attributes["public_score"]!:0.000}; worst: {string.Join(", ", weak.Take(3))}"));
        return weak;
    }

    // 2. Proposals, each naming the weakness it targets; recorded so a resumed run uses the same ones.
    List<Proposal> Proposals(int g, Champion champion, List<PublicWeakness> weaknesses)
    {
        string id = journal.Id("proposals", $"g{g}");
        var attributes = journal.Get(id);
        if (attributes is null)
        {
            var context = new ResearchContext(g, champion.Recipe, weaknesses, Memory(), SeedFor(g, 1)) { Holdout = HoldoutSeen(g) };
            var proposed = researcher.Propose(context, config.Research.Proposals);
            string activity = journal.Id("research", $"g{g}");
            attributes = journal.Record(ProvStatement.Entity(id, "proposals", new JsonObject
            {
                ["generation"] = g,
                ["researcher"] = researcher.Name,
                // Exactly what the researcher was given of the sealed holdout, so the audit can recompute it.
                ["holdout_feedback"] = new JsonArray([.. context.Holdout.Select(a => (JsonNode)new JsonObject
                {
                    ["generation"] = a.Generation, ["value"] = a.Value, ["from_holdout"] = a.FromHoldout, ["refused"] = a.Refused,
                })]),
                ["proposals"] = new JsonArray([.. proposed.Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Id,
                    ["overrides"] = new JsonArray([.. p.Overrides.Select(o => (JsonNode)o)]),
                    ["targets"] = p.Targets,
                    ["rationale"] = p.Rationale,
                })]),
            }), ProvStatement.Activity(activity, "research"), ProvStatement.WasGeneratedBy(id, activity),
                ProvStatement.WasAssociatedWith(activity, $"researcher:{researcher.Name}", "researcher"));
        }
        var list = attributes["proposals"]!.AsArray().Select(n => new Proposal((string)n!["id"]!,
            [.. n["overrides"]!.AsArray().Select(o => (string)o!)], (string)n["targets"]!, (string)n["rationale"]!)).ToList();
        foreach (var p in list) report(new(g, "proposal", $"{p.Id}: {string.Join(" ", p.Overrides)} — targets {p.Targets}; {p.Rationale}"));
        return [Proposal.Control(list.FirstOrDefault()?.Targets ?? ""), .. list];
    }

    /// <summary>What the researcher of generation g may know of earlier candidates on the sealed holdout: nothing,
    /// or Thresholdout's answers (HoldoutFeedback).</summary>
    IReadOnlyList<HoldoutAnswer> HoldoutSeen(int g) => HoldoutFeedback.Answers(config.Safety.HoldoutFeedback, config.Safety.ThresholdoutBudget, SeedFor(0, 7),
        [.. journal.All(journal.Id("generation", "")).Select(x => x.Attributes)
            .Where(a => (int?)a["generation"] is int n && n > 0 && n < g && a["candidate_public_score"] is not null && a["holdout_value"] is not null)
            .Select(a => new HoldoutQuery((int)a["generation"]!, (double)a["candidate_public_score"]!,
                task.Metric == "accuracy" ? (double)a["holdout_value"]! : -(double)a["holdout_value"]!))]);

    /// <summary>The lab's memory: every finding recorded so far, across generations.</summary>
    List<Finding> Memory() =>
        [.. journal.All(journal.Id("finding", "")).Select(f => new Finding((int)f.Attributes["generation"]!, (string)f.Attributes["proposal"]!,
            [.. f.Attributes["overrides"]!.AsArray().Select(o => (string)o!)], (int)f.Attributes["steps"]!,
            (double)f.Attributes["score"]!, (double)f.Attributes["effect"]!, (double)f.Attributes["low"]!, (double)f.Attributes["high"]!))];

    Recipe Apply(Recipe recipe, IReadOnlyList<string> overrides) => overrides.Count == 0 ? recipe : RecipeJson.Override(recipe, overrides);

    /// <summary>Steps of `recipe` that train on as many tokens as `steps` of the lab's own recipe. Budgets count
    /// steps of the lab's recipe, so a change of batch size neither buys nor loses tokens: a successor that
    /// halves the batch takes twice the steps.</summary>
    int EqualTokenSteps(Recipe recipe, int steps) =>
        Math.Max(1, (int)((long)steps * config.Recipe.BatchSize * config.Recipe.GradAccumulation / ((long)recipe.BatchSize * recipe.GradAccumulation)));

    /// <summary>`recipe` as a trial of `steps` (equal tokens, EqualTokenSteps). With research.continue_trials the
    /// trial runs the wsd schedule: `steps` at the peak, then a cooldown of trial_cooldown of them; its warmup
    /// is capped at half the first rung, the same at every rung, so a longer trial continues a shorter one.
    /// With scale_trial_schedules the successor's decay is shrunk to the trial's length; the warmup keeps its
    /// steps (what it waits for, Adam's moment estimates settling, takes as many steps in a short run as in a
    /// long one), at most half the trial so that the trial reaches its peak.</summary>
    Recipe Trial(Recipe recipe, int steps, ulong seed)
    {
        int n = EqualTokenSteps(recipe, steps);
        var trial = recipe with { Steps = n, Seed = seed };
        if (config.Research.ContinueTrials)
        {
            int cooldown = Math.Max(1, (int)Math.Round(n * config.Research.TrialCooldown));
            return trial with
            {
                Schedule = Schedule.Wsd, Steps = n + cooldown, CooldownSteps = cooldown, DecaySteps = 0,
                WarmupSteps = Math.Min(recipe.WarmupSteps, EqualTokenSteps(recipe, config.Budgets.TrialSteps) / 2),
            };
        }
        if (!config.Research.ScaleTrialSchedules) return trial;
        double shrink = Math.Min(1, steps / (double)config.Budgets.SuccessorSteps);
        return trial with { WarmupSteps = Math.Min(recipe.WarmupSteps, n / 2), DecaySteps = (int)Math.Round(recipe.DecaySteps * shrink) };
    }

    // 4–5. Successive halving against a control trained with the same budget; every effect is recorded.
    LastRung Halving(int g, Champion champion, List<Proposal> proposals, CancellationToken cancel)
    {
        var control = proposals[0];
        var alive = new List<Proposal>();
        foreach (var p in proposals.Skip(1))
        {
            if (ProtectedSurface(p.Overrides) is { } key)
            {
                RaiseIncident(g, $"protected-surface-{p.Id}", "protected-surface", $"proposal {p.Id} ({string.Join(" ", p.Overrides)}) touches {key}, which only the operator may change; refused");
                continue;
            }
            try { Apply(champion.Recipe, p.Overrides); alive.Add(p); }
            catch (RecipeException e) { report(new(g, "proposal", $"{p.Id} refused: {e.Message}")); }
        }
        var ranked = new List<(Proposal, Finding)>();
        int steps = config.Budgets.TrialSteps, lastSteps = steps, lastRung = -1;
        Dictionary<string, TrialResult> results = [];
        ulong seed = SeedFor(g, 0);
        for (int r = 0; r < config.Research.Rungs && alive.Count > 0; r++, steps *= config.Research.Eta)
        {
            var previous = results;
            var plans = new[] { control }.Concat(alive).Select(p =>
            {
                var recipe = Trial(Apply(champion.Recipe, p.Overrides), steps, seed);
                return new TrialPlan($"g{g}-r{r}-{p.Id}", recipe, champion.CheckpointDigest, champion.SelfGenerated)
                {
                    KeepStable = config.Research.ContinueTrials && (r + 1 < config.Research.Rungs || config.Research.ContinueSuccessor),
                    From = r > 0 && previous.GetValueOrDefault($"g{g}-r{r - 1}-{p.Id}") is { StableSha256: { } sha } before
                        ? new Continuation(before.Id, EqualTokenSteps(recipe, steps / config.Research.Eta), sha) : null,
                };
            }).ToList();
            if (GenerationBudgetLeft(g) is { } left && plans.Sum(p => TokensOf(p.Recipe)) > left)
            {
                report(new(g, "budget", $"rung {r} would exceed the generation's token budget; halving stops here"));
                break;
            }
            results = RunTrials(g, plans, cancel);
            lastSteps = steps;
            lastRung = r;
            var baseline = results[$"g{g}-r{r}-{control.Id}"];
            if (!baseline.Ok) { report(new(g, "trials", $"the control failed at rung {r}; no effect can be measured")); break; }
            ranked = [.. alive.Where(p => results[$"g{g}-r{r}-{p.Id}"].Ok)
                .Select(p => (p, Interpret(g, $"g{g}-r{r}-{p.Id}", p, results[$"g{g}-r{r}-{p.Id}"], baseline)))
                .OrderByDescending(x => x.Item2.Effect)];
            report(new(g, "rung", Table(g, r, baseline, ranked)));
            report(new(g, "best", $"best so far: {(ranked.Count > 0 ? $"{ranked[0].Item1.Id} ({string.Join(" ", ranked[0].Item1.Overrides)}), effect {Signed.S(ranked[0].Item2.Effect)}" : "none")}"));
            alive = [.. ranked.Take(Math.Max(1, (int)Math.Ceiling(ranked.Count / (double)config.Research.Eta))).Select(x => x.Item1)];
        }
        return new(ranked, ranked.Count(x => alive.Contains(x.Item1)), lastSteps, lastRung, results);
    }

    /// <summary>What successive halving ends with: its last rung's changes ranked by effect, how many of them
    /// survive it (the best 1/eta), that rung's steps and its trials.</summary>
    sealed record LastRung(List<(Proposal Proposal, Finding Finding)> Ranked, int Surviving, int Steps, int Rung, Dictionary<string, TrialResult> Results);

    long? GenerationBudgetLeft(int g) => config.Budgets.GenerationTokens > 0 ? config.Budgets.GenerationTokens - TokensUsed($"g{g}-") : null;

    string Table(int generation, int rung, TrialResult control, List<(Proposal P, Finding F)> ranked)
    {
        var s = new StringBuilder($"rung {rung} ({TokensUsed($"g{generation}-"):N0} tokens used this generation{(config.Budgets.GenerationTokens > 0 ? $" of {config.Budgets.GenerationTokens:N0}" : "")}); {task.Metric}, effect vs control [95% CI]: control {Public(control.Score)}");
        foreach (var (p, f) in ranked)
            s.Append($" | {p.Id} {Public(f.Score)} ({Signed.S(f.Effect)} [{Signed.S(f.Low)}, {Signed.S(f.High)}])");
        return s.ToString();
    }

    // 5. Interpretation: the paired effect of one change against the control, appended to the memory.
    Finding Interpret(int g, string trialId, Proposal p, TrialResult trial, TrialResult control)
    {
        var c = SeededBootstrap.Compare(control.Scores, trial.Scores, PairedBootstrap.MinResamples, SeedFor(g, 2));
        var finding = new Finding(g, p.Id, p.Overrides, trial.Steps, trial.Score, c.Difference, c.Low, c.High);
        string id = journal.Id("finding", trialId);
        journal.Once(id, () => ProvStatement.Entity(id, "finding", new JsonObject
        {
            ["generation"] = g, ["proposal"] = p.Id, ["trial"] = trialId,
            ["overrides"] = new JsonArray([.. p.Overrides.Select(o => (JsonNode)o)]),
            ["steps"] = trial.Steps, ["score"] = trial.Score, ["effect"] = c.Difference, ["low"] = c.Low, ["high"] = c.High, ["p_value"] = c.PValue,
        }));
        return finding;
    }
}
