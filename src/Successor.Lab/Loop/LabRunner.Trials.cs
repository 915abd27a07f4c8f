// Trials: recorded ones are read back from the ledger; the rest run in worker processes, and each is
// recorded the moment it finishes, so a crash loses at most the trials still running.
using System.Text.Json.Nodes;
using Successor.Lab.Trials;
using Successor.Ledger.Statements;
using Successor.Training.Recipes;

namespace Successor.Lab.Loop;

/// <summary>A hard compute cap would be exceeded: no trial starts, and the lab stops at this point.</summary>
public sealed class BudgetExhaustedException(string message) : Exception(message);

sealed record TrialPlan(string Id, Recipe Recipe, string? WarmStartDigest, IReadOnlyList<string> SelfGenerated)
{
    /// <summary>The earlier trial whose stable state this one continues (research.continue_trials), or null.</summary>
    public Continuation? From { get; init; }
    /// <summary>Keep the state reached before the cooldown, for a later rung to continue.</summary>
    public bool KeepStable { get; init; }
}

/// <summary>A stable state to continue from: the trial that saved it, the step it is at and its recorded hash.</summary>
sealed record Continuation(string TrialId, int Step, string Sha256);

public sealed partial class LabRunner
{
    Dictionary<string, TrialResult> RunTrials(int g, IReadOnlyList<TrialPlan> plans, CancellationToken cancel)
    {
        var results = new Dictionary<string, TrialResult>(StringComparer.Ordinal);
        var pending = new List<(TrialSpec, string)>();
        foreach (var plan in plans)
        {
            if (journal.Get(journal.Id("trial", plan.Id)) is { } recorded) { results[plan.Id] = FromAttributes(plan.Id, recorded); continue; }
            pending.Add((new TrialSpec
            {
                Id = plan.Id,
                Recipe = plan.Recipe,
                Curriculum = config.Curriculum,
                Split = config.Split,
                SelfGenerated = [.. plan.SelfGenerated.Select(journal.Artifacts.PathOf)],
                WarmStart = plan.WarmStartDigest is { } d ? journal.Artifacts.PathOf(d) : null,
                ContinueFrom = plan.From is { } from ? Path.Combine(Folder(g, from.TrialId), TrialWorker.StableFolder) : null,
                ContinueStep = plan.From?.Step ?? 0,
                ContinueSha256 = plan.From?.Sha256,
                KeepStable = plan.KeepStable,
                Teacher = plan.WarmStartDigest is { } parent ? journal.Artifacts.PathOf(parent) : null,
                EvalSeed = config.Seed,
                Threads = config.Research.ThreadsPerWorker,
            }, Folder(g, plan.Id)));
        }
        long planned = pending.Sum(p => TokensOf(p.Item1.Recipe with { Steps = p.Item1.Recipe.Steps - p.Item1.ContinueStep }));
        long labUsed = TokensUsed(""), genUsed = TokensUsed($"g{g}-");
        if (config.Budgets.LabTokens > 0 && labUsed + planned > config.Budgets.LabTokens)
            throw new BudgetExhaustedException($"the next trials need {planned:N0} tokens; the lab has used {labUsed:N0} of its {config.Budgets.LabTokens:N0}");
        if (g > 0 && config.Budgets.GenerationTokens > 0 && genUsed + planned > config.Budgets.GenerationTokens)
            throw new BudgetExhaustedException($"the next trials need {planned:N0} tokens; generation {g} has used {genUsed:N0} of its {config.Budgets.GenerationTokens:N0}");
        if (g > 0 && config.Budgets.GenerationSeconds > 0 && pending.Count > 0 && generationClock.Elapsed.TotalSeconds >= config.Budgets.GenerationSeconds)
            throw new BudgetExhaustedException($"generation {g} has run {generationClock.Elapsed.TotalSeconds:0} s of its {config.Budgets.GenerationSeconds:0} s");
        string evaluator = pending.Count > 0 ? EvaluatorFingerprint() : "";
        if (pending.Count > 0)
            report(new(g, "trials", $"running {pending.Count} trial(s) on {Math.Min(pending.Count, config.Research.Workers)} worker(s): {string.Join(", ", pending.Select(p => p.Item1.Id))}"));
        var byId = plans.ToDictionary(p => p.Id);
        runner.Run(pending, result =>
        {
            var plan = byId[result.Id];
            var attributes = new JsonObject
            {
                ["generation"] = g,
                ["status"] = result.Status,
                ["error"] = result.Error,
                ["steps"] = result.Steps,
                ["tokens"] = result.Tokens,
                ["seconds"] = Math.Round(result.Seconds, 3),
                ["score"] = result.Score,
                ["scores"] = new JsonArray([.. result.Scores.Select(x => (JsonNode)x)]),
                ["train_loss"] = result.TrainLoss,
                ["loss_curve"] = new JsonArray([.. result.LossCurve.Select(x => (JsonNode)x)]),
                ["loss_every"] = result.LossEvery,
                ["train_seconds"] = result.TrainSeconds,
                ["train_cpu_seconds"] = result.TrainCpuSeconds,
                ["recipe_sha256"] = RecipeJson.Sha256(plan.Recipe),
                ["model_sha256"] = result.ModelSha256,
                ["stable_sha256"] = result.StableSha256,
                ["continued_from"] = plan.From?.TrialId,
                ["evaluator_sha256"] = evaluator,
                ["shape"] = Shape(plan.Recipe),
            };
            string id = journal.Id("trial", result.Id);
            string recipeId = RecordRecipe(plan.Recipe);
            var relations = new List<ProvStatement> { ProvStatement.WasAssociatedWith(id, LabJournal.LoopAgent, "runner"), ProvStatement.Used(id, recipeId) };
            if (plan.WarmStartDigest is { } warm) relations.Add(ProvStatement.Used(id, $"checkpoint:{Ledger.Digests.Normalize(warm)[..16]}"));
            journal.Record(ProvStatement.Activity(id, "trial", attributes), [.. relations]);
            results[result.Id] = result;
            report(new(g, "trial", result.Ok
                ? $"{result.Id}: public {task.Metric} {Public(result.Score)}, {result.Steps} steps, {result.Tokens:N0} tokens, {result.Seconds:0.0} s"
                : $"{result.Id}: {result.Status}: {result.Error}"));
            if (result.Status == TrialRunner.Unverifiable)
                RaiseIncident(g, $"unverifiable-{result.Id}", "unverifiable-result", $"trial {result.Id} is failed closed: {result.Error}");
            if (result.Status == "timeout")
                RaiseIncident(g, $"budget-overrun-{result.Id}", "budget-overrun", $"trial {result.Id} ran past budgets.trial_seconds and was killed", global::Successor.Safety.Incidents.Severity.Warning);
        }, cancel);
        CheckBatch(g, plans, results);
        return results;
    }

    /// <summary>What a step's CPU cost per token depends on: the model's shape, the worker's threads, distillation.</summary>
    string Shape(Recipe r) =>
        $"{r.Model.Layers} layers x {r.Model.Embedding} wide, {r.Model.Heads} heads, block {r.Model.BlockSize}, {config.Research.ThreadsPerWorker} thread(s){(r.DistillationWeight > 0 ? ", distilled" : "")}";

    /// <summary>The tokens a recipe trains on: its whole compute budget.</summary>
    static long TokensOf(Recipe r) => (long)r.Steps * r.BatchSize * r.GradAccumulation * r.Model.BlockSize;

    /// <summary>The recipe as an artifact entity (once per distinct recipe); returns its id.</summary>
    string RecordRecipe(Recipe recipe)
    {
        string sha = RecipeJson.Sha256(recipe), id = journal.Id("recipe", sha[..16]);
        journal.Once(id, () => ProvStatement.Artifact(id, "recipe", journal.Store(System.Text.Encoding.UTF8.GetBytes(RecipeJson.Canonical(recipe)))));
        return id;
    }

    /// <summary>A public score as people read it: accuracy, or bits per byte (scores are minus bits per byte).</summary>
    string Public(double score) => task.Metric == "accuracy" ? $"{score:0.000}" : $"{-score:0.0000}";

    static TrialResult FromAttributes(string id, JsonObject a) => new()
    {
        Id = id,
        Status = (string?)a["status"] ?? "failed",
        Error = (string?)a["error"],
        Steps = (int?)a["steps"] ?? 0,
        Tokens = (long?)a["tokens"] ?? 0,
        Seconds = (double?)a["seconds"] ?? 0,
        Score = (double?)a["score"] ?? 0,
        Scores = a["scores"] is JsonArray scores ? [.. scores.Select(x => (double)x!)] : [],
        TrainLoss = (double?)a["train_loss"],
        LossCurve = a["loss_curve"] is JsonArray curve ? [.. curve.Select(x => (double)x!)] : [],
        LossEvery = (int?)a["loss_every"] ?? 1,
        TrainSeconds = (double?)a["train_seconds"] ?? 0,
        TrainCpuSeconds = (double?)a["train_cpu_seconds"] ?? 0,
        ModelSha256 = (string?)a["model_sha256"],
        StableSha256 = (string?)a["stable_sha256"],
        RecipeSha256 = (string?)a["recipe_sha256"] ?? "",
    };
}
