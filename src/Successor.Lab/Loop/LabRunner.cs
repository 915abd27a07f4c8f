// The generation loop. Generation 0 trains the first champion. Each later generation: (1) weakness
// analysis of the champion on public validation, (2) the researcher's proposals, (4) trials in worker
// processes under successive halving, (5) each change's effect against a control with a paired CI,
// appended to the lab's memory, (6) the best change re-run with several seeds, (7) the champion answers
// harder problems and a filter keeps some, (8) safety checks on the kept data, (9) the successor's full
// run, (10) verification on the sealed holdout and promotion only when every gate passes. Each stage is
// recorded once in the ledger, so a resumed run continues where the last one stopped.
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Successor.Data.Curriculum;
using Successor.Evaluation.Statistics;
using Successor.Lab.Config;
using Successor.Lab.Tasks;
using Successor.Lab.Trials;
using Successor.Ledger.Prov;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Research;
using Successor.Tensors;
using Successor.Tensors.Fast;

namespace Successor.Lab.Loop;

public sealed record LabLine(int Generation, string Stage, string Text);

public sealed partial class LabRunner
{
    readonly LabConfig config;
    readonly LabJournal journal;
    readonly string work;
    readonly Action<LabLine> report;
    readonly TrialRunner runner;
    readonly IResearcher researcher;
    readonly ILabTask task;
    readonly IKernels kernels = new FastKernels();
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly double secondsBefore;
    Stopwatch generationClock = Stopwatch.StartNew();

    public LabRunner(LabConfig config, LabJournal journal, string workFolder, Action<LabLine> report)
    {
        this.config = config;
        this.journal = journal;
        this.report = report;
        work = workFolder;
        runner = new TrialRunner(config.Research.Workers, TimeSpan.FromSeconds(config.Budgets.TrialSeconds));
        researcher = Researchers.Create(config.Research.Strategy, new SearchSpace(config.Research.SearchSpace, config.Research.LearningRateFloor));
        task = LabTasks.Create(config);
        secondsBefore = journal.All(journal.Id("generation", "")).Sum(g => (double?)g.Attributes["seconds"] ?? 0);
    }

    int TrainMax => CurriculumGenerator.ParseDifficulties(config.Curriculum.TrainDifficulties)[^1];

    public void Run(CancellationToken cancel)
    {
        haltsSeen = new HaltSwitch(journal.Ledger, journal.Lab).Count();
        Begin();
        CheckTrainingData();
        SafePoint(0);
        Champion champion;
        try { champion = FirstChampion(cancel); }
        catch (BudgetExhaustedException e) { throw new LabException($"generation 0: {e.Message}; raise budgets.lab_tokens or lower budgets.initial_steps"); }
        for (int g = 1; g <= config.Generations; g++)
        {
            if (journal.Get(journal.Id("generation", $"g{g}")) is { } done) { champion = Champion.FromAttributes(done); continue; }
            SafePoint(g);
            string? why = BudgetExhausted();
            if (why is null)
            {
                try { champion = Generation(g, champion, cancel); continue; }
                catch (BudgetExhaustedException e) { why = e.Message; }
            }
            report(new(g, "budget", $"stopping in generation {g}: {why}"));
            journal.Once(journal.Id("halt", $"g{g}"), () => ProvStatement.Activity(journal.Id("halt", $"g{g}"), "halt", new JsonObject { ["reason"] = why }));
            break;
        }
        report(new(config.Generations, "done", $"lab {config.Name} finished; champion from generation {champion.Generation}"));
    }

    /// <summary>Records the config when the lab starts. A resumed lab must have the same config except its
    /// budgets: raising or lowering a cap is allowed and recorded as a budget change.</summary>
    void Begin()
    {
        string identity = LabConfigJson.Canonical(config with { Budgets = new BudgetConfig() });
        string budgets = System.Text.Json.JsonSerializer.Serialize(config.Budgets, Models.SnakeCaseJson.Compact);
        string id = journal.Id("lab-config", "current");
        if (journal.Get(id) is { } existing && (string?)existing["sha256"] != Sha(identity))
            throw new LabConfigException($"lab {config.Name}: lab.json changed since the lab started (beyond its budgets); restore it, or give the lab a new name");
        foreach (var (agent, type) in new[] { (LabJournal.LoopAgent, "software"), (LabJournal.PolicyAgent, "promotion-policy"), ($"researcher:{researcher.Name}", "researcher") })
            if (journal.Ledger.FindById(agent).Count == 0) journal.Ledger.Append(LabJournal.LoopAgent, ProvStatement.Agent(agent, type));
        var recorded = journal.Once(id, () =>
        {
            string digest = journal.Store(Encoding.UTF8.GetBytes(LabConfigJson.Canonical(config)));
            return ProvStatement.Artifact(id, "lab-config", digest, new JsonObject
            {
                ["sha256"] = Sha(identity), ["researcher"] = researcher.Name, ["budgets"] = budgets,
                // what the dashboard's compute utilization divides by: the cores here and the threads a trial uses
                ["cores"] = Environment.ProcessorCount, ["threads_per_worker"] = config.Research.ThreadsPerWorker,
            });
        });
        string current = journal.All(journal.Id("budget-change", "")).Select(b => (string)b.Attributes["budgets"]!).LastOrDefault() ?? (string)recorded["budgets"]!;
        if (current != budgets)
        {
            string change = journal.Id("budget-change", $"{journal.All(journal.Id("budget-change", "")).Count() + 1}");
            journal.Record(ProvStatement.Entity(change, "budget-change", new JsonObject { ["from"] = current, ["budgets"] = budgets }));
            report(new(0, "budget", $"budgets changed since the last run: {current} → {budgets}"));
        }
        var changes = journal.All(journal.Id("budget-change", "")).ToList();
        if (config.Gates.BudgetIncrease && changes.Count > 0 && Raises((string)changes[^1].Attributes["from"]!, (string)changes[^1].Attributes["budgets"]!))
        {
            var decision = Await(0, $"budget-change-{changes.Count}", "budget-increase", $"budget increase {changes[^1].Attributes["from"]} → {changes[^1].Attributes["budgets"]}");
            if (!decision.Approved) throw new LabHaltedException($"{decision.By} rejected the budget increase: {decision.Reason}; restore the budgets in lab.json");
        }
    }

    /// <summary>True when any cap in `to` is higher than in `from` (0 means no cap, the highest of all).</summary>
    static bool Raises(string from, string to)
    {
        var (a, b) = (System.Text.Json.Nodes.JsonNode.Parse(from)!.AsObject(), System.Text.Json.Nodes.JsonNode.Parse(to)!.AsObject());
        static double Cap(System.Text.Json.Nodes.JsonNode? n) => (double?)n is { } v && v > 0 ? v : double.PositiveInfinity;
        return b.Any(p => Cap(p.Value) > Cap(a[p.Key]));
    }

    static string Sha(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    string? BudgetExhausted()
    {
        var b = config.Budgets;
        long tokens = TokensUsed("");
        if (b.LabTokens > 0 && tokens >= b.LabTokens) return $"the lab has trained on {tokens:N0} tokens, its budget is {b.LabTokens:N0}";
        double seconds = secondsBefore + clock.Elapsed.TotalSeconds;
        if (b.LabSeconds > 0 && seconds >= b.LabSeconds) return $"the lab has run {seconds:0} s, its budget is {b.LabSeconds:0} s";
        return null;
    }

    long TokensUsed(string trialPrefix) => journal.All(journal.Id("trial", trialPrefix)).Sum(t => (long?)t.Attributes["tokens"] ?? 0);

    Champion FirstChampion(CancellationToken cancel)
    {
        string id = journal.Id("generation", "g0");
        if (journal.Get(id) is { } done) return Champion.FromAttributes(done);
        report(new(0, "train", $"training the first champion: {config.Budgets.InitialSteps} steps on {(config.Split is { } split ? $"the text of {split}" : $"{config.Curriculum.Families} {config.Curriculum.TrainDifficulties}")}"));
        var recipe = config.Recipe with { Steps = config.Budgets.InitialSteps };
        var results = RunTrials(0, [new TrialPlan("g0-initial", recipe, null, [])], cancel);
        var first = results["g0-initial"];
        if (!first.Ok) throw new LabException($"generation 0: the first champion's training failed ({first.Error}); fix the recipe or budgets in lab.json and run again");
        string digest = journal.Artifacts.PutFile(ModelPath(0, "g0-initial"));
        var champion = new Champion(0, digest, config.Recipe, [], TrainMax);
        using var model = Load(digest);
        var score = task.Score(model);
        var attributes = champion.ToAttributes();
        attributes["promoted"] = true;
        attributes["reason"] = "the first champion";
        foreach (var (k, v) in score.Attributes) attributes[k] = v?.DeepClone();
        attributes["tokens"] = first.Tokens;
        attributes["seconds"] = clock.Elapsed.TotalSeconds;
        journal.Record(ProvStatement.Activity(id, "generation", attributes),
            ProvStatement.Artifact(champion.Id, "checkpoint", digest, new JsonObject { ["lab"] = journal.Lab }),
            ProvStatement.WasGeneratedBy(champion.Id, journal.Id("trial", "g0-initial")));
        report(new(0, "champion", $"first champion: {score.Text}"));
        return champion;
    }

    GptModel Load(string digest) => ModelCheckpoint.Load(journal.Artifacts.PathOf(digest), kernels).Model;

    string Folder(int g, string trial) => Path.Combine(work, $"g{g}", trial);

    string ModelPath(int g, string trial) => Path.Combine(Folder(g, trial), TrialWorker.ModelFile);
}

public sealed class LabException(string message) : Exception(message);
