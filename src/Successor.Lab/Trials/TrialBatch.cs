// Trials: recorded ones are read back from the ledger; the rest run in worker processes under the lab's
// compute caps, and each is recorded the moment it finishes, so a crash loses at most the trials still
// running. After every batch the evaluator's fingerprint and the anomaly monitors check it (TrialChecks).
using Successor.Ledger.Statements;
using Successor.Safety.Incidents;
using Successor.Training.Recipes;

namespace Successor.Lab.Trials;

sealed class TrialBatch(LabContext lab)
{
    readonly LabJournal journal = lab.Journal;

    public Dictionary<string, TrialResult> Run(int g, IReadOnlyList<TrialPlan> plans, CancellationToken cancel)
    {
        var results = new Dictionary<string, TrialResult>(StringComparer.Ordinal);
        var toRun = new List<TrialPlan>();
        foreach (var plan in plans)
        {
            if (journal.Get(journal.Id("trial", plan.Id)) is { } recorded)
                results[plan.Id] = Result(plan.Id, TrialRecord.From(recorded));
            else
                toRun.Add(plan);
        }
        int threads = lab.TrialThreads(toRun.Count);
        var pending = toRun.Select(plan => (Spec(g, plan, threads), lab.Folder(g, plan.Id))).ToList();
        CheckBudgets(g, pending);
        string evaluator = pending.Count > 0 ? TrialChecks.EvaluatorFingerprint(lab.Config.Split) : "";
        if (pending.Count > 0)
            lab.Report(new(g, "trials",
                $"running {pending.Count} trial(s) on {Math.Min(pending.Count, lab.Config.Research.Workers)} "
                + $"worker(s){(threads > lab.Config.Research.ThreadsPerWorker ? $" of {threads} threads" : "")}: "
                + string.Join(", ", pending.Select(p => p.Item1.Id))) { Trials = pending.Count });
        var byId = plans.ToDictionary(p => p.Id);
        lab.Runner.Run(pending, result =>
        {
            Record(g, byId[result.Id], result, evaluator, threads);
            results[result.Id] = result;
        }, cancel, () => TrialChecks.EvaluatorFingerprint(lab.Config.Split));
        new TrialChecks(lab).Check(g, plans, results);
        return results;
    }

    /// <summary>Paths are full: a sandboxed worker starts in its own folder, and sees each input at its full
    /// path only.</summary>
    TrialSpec Spec(int g, TrialPlan plan, int threads) => new()
    {
        Id = plan.Id,
        Recipe = plan.Recipe,
        Curriculum = lab.Config.Curriculum,
        Split = Full(lab.Config.Split),
        SelfGenerated = [.. plan.SelfGenerated.Select(d => Path.GetFullPath(journal.Artifacts.PathOf(d)))],
        WarmStart = Full(plan.WarmStartDigest is { } d ? journal.Artifacts.PathOf(d) : null),
        ContinueFrom = Full(
            plan.From is { } from ? Path.Combine(lab.Folder(g, from.TrialId), TrialWorker.StableFolder) : null),
        ContinueStep = plan.From?.Step ?? 0,
        ContinueSha256 = plan.From?.Sha256,
        KeepStable = plan.KeepStable,
        Teacher = Full(plan.WarmStartDigest is { } parent ? journal.Artifacts.PathOf(parent) : null),
        Plugins = [.. plan.Recipe.PluginKeys().Select(k => k.Digest).OfType<string>()
            .Select(d => Path.GetFullPath(journal.Artifacts.PathOf(d)))],
        EvalSeed = lab.Config.Seed,
        Threads = threads,
    };

    static string? Full(string? path) => path is null ? null : Path.GetFullPath(path);

    /// <summary>Refuses to start trials that would take the lab or the generation past a cap.</summary>
    void CheckBudgets(int g, List<(TrialSpec Spec, string Folder)> pending)
    {
        var b = lab.Config.Budgets;
        long planned = pending.Sum(p =>
            TrialRecipes.TokensOf(p.Spec.Recipe with { Steps = p.Spec.Recipe.Steps - p.Spec.ContinueStep }));
        long labUsed = lab.TokensUsed(""), genUsed = lab.TokensUsed($"g{g}-");
        if (b.LabTokens > 0 && labUsed + planned > b.LabTokens)
            throw new BudgetExhaustedException($"the next trials need {planned:N0} tokens; " +
                $"the lab has used {labUsed:N0} of its {b.LabTokens:N0}");
        if (g > 0 && b.GenerationTokens > 0 && genUsed + planned > b.GenerationTokens)
            throw new BudgetExhaustedException($"the next trials need {planned:N0} tokens; " +
                $"generation {g} has used {genUsed:N0} "
                + $"of its {b.GenerationTokens:N0}");
        double seconds = lab.GenerationClock.Elapsed.TotalSeconds;
        if (g > 0 && b.GenerationSeconds > 0 && pending.Count > 0 && seconds >= b.GenerationSeconds)
            throw new BudgetExhaustedException(
                $"generation {g} has run {seconds:0} s of its {b.GenerationSeconds:0} s");
    }

    void Record(int g, TrialPlan plan, TrialResult result, string evaluator, int threads)
    {
        var record = new TrialRecord
        {
            Generation = g,
            Status = result.Status,
            Error = result.Error,
            Steps = result.Steps,
            Tokens = result.Tokens,
            Seconds = Math.Round(result.Seconds, 3),
            Score = result.Score,
            Scores = result.Scores,
            TrainLoss = result.TrainLoss,
            LossCurve = result.LossCurve,
            LossEvery = result.LossEvery,
            TrainSeconds = result.TrainSeconds,
            TrainCpuSeconds = result.TrainCpuSeconds,
            RecipeSha256 = RecipeJson.Sha256(plan.Recipe),
            ModelSha256 = result.ModelSha256,
            StableSha256 = result.StableSha256,
            ContinuedFrom = plan.From?.TrialId,
            EvaluatorSha256 = result.EvaluatorBefore ?? evaluator,
            EvaluatorAfterSha256 = result.EvaluatorAfter,
            Shape = Shape(plan.Recipe, threads),
        };
        string id = journal.Id("trial", result.Id);
        var relations = new List<ProvStatement>
        {
            ProvStatement.WasAssociatedWith(id, LabJournal.LoopAgent, "runner"),
                ProvStatement.Used(id, RecordRecipe(plan.Recipe)),
        };
        if (plan.WarmStartDigest is { } warm)
            relations.Add(ProvStatement.Used(id, $"checkpoint:{Ledger.Digests.Normalize(warm)[..16]}"));
        journal.Record(ProvStatement.Activity(id, TrialRecord.Type, record.ToAttributes()), [.. relations]);
        lab.Report(new(g, "trial", result.Ok
            ? $"{result.Id}: public {lab.Task.Metric} {lab.Public(result.Score)}, {result.Steps} steps, " +
                $"{result.Tokens:N0} tokens, "
                + $"{result.Seconds:0.0} s"
            : $"{result.Id}: {result.Status}: {result.Error}") { Tokens = result.Tokens, Seconds = result.Seconds });
        if (result.Status == TrialRunner.Unverifiable)
            lab.RaiseIncident(g, $"unverifiable-{result.Id}", "unverifiable-result",
                $"trial {result.Id} is failed closed: {result.Error}");
        if (Sandbox.WorkerVerdict.SeverityOf(result.Status) is { } severity)
            lab.RaiseIncident(g, $"{result.Status}-{result.Id}", result.Status,
                $"trial {result.Id}: {result.Error}", severity);
        if (result.Status == "timeout")
            lab.RaiseIncident(g, $"budget-overrun-{result.Id}", "budget-overrun",
                $"trial {result.Id} ran past budgets.trial_seconds and was killed", Severity.Warning);
        if (!result.Ok && plan.Recipe.PluginKeys().Where(k => k.Digest is not null).ToList() is { Count: > 0 } plugins)
            lab.RaiseIncident(g, $"plugin-failed-{result.Id}", "plugin-failed",
                $"trial {result.Id} ran plug-in(s) {string.Join(", ", plugins.Select(k => $"{k.Key} {k.Digest}"))}: "
                + $"{result.Status}: {result.Error}",
                Sandbox.WorkerVerdict.SeverityOf(result.Status) ?? Severity.Warning);
    }

    /// <summary>What a step's CPU cost per token depends on: the model's shape, the worker's threads,
    /// distillation.</summary>
    static string Shape(Recipe r, int threads) =>
        $"{r.Model.Layers} layers x {r.Model.Embedding} wide, {r.Model.Heads} heads, block {r.Model.BlockSize}, "
        + $"{threads} thread(s){(r.DistillationWeight > 0 ? ", distilled" : "")}";

    /// <summary>The recipe as an artifact entity (once per distinct recipe); returns its id.</summary>
    string RecordRecipe(Recipe recipe)
    {
        string sha = RecipeJson.Sha256(recipe), id = journal.Id("recipe", sha[..16]);
        journal.Once(id, () => ProvStatement.Artifact(id, "recipe",
            journal.Store(System.Text.Encoding.UTF8.GetBytes(RecipeJson.Canonical(recipe)))));
        return id;
    }

    static TrialResult Result(string id, TrialRecord a) => new()
    {
        Id = id,
        Status = a.Status ?? "failed",
        Error = a.Error,
        Steps = a.Steps,
        Tokens = a.Tokens,
        Seconds = a.Seconds,
        Score = a.Score,
        Scores = [.. a.Scores],
        TrainLoss = a.TrainLoss,
        LossCurve = [.. a.LossCurve],
        LossEvery = a.LossEvery ?? 1,
        TrainSeconds = a.TrainSeconds,
        TrainCpuSeconds = a.TrainCpuSeconds,
        ModelSha256 = a.ModelSha256,
        StableSha256 = a.StableSha256,
        RecipeSha256 = a.RecipeSha256 ?? "",
    };
}
