// What every stage of a generation shares: the lab's config and journal, the task it trains on, the trial
// runner, and the few rules that tie them together — seeds, where a trial's files live, how a model is
// loaded, how incidents are raised. Stages take it and the generation's state, and return typed results.
using System.Diagnostics;
using Successor.Data.Curriculum;
using Successor.Lab.Config;
using Successor.Lab.Judge;
using Successor.Lab.Workloads;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Research;
using Successor.Safety.Gates;
using Successor.Safety.Incidents;
using Successor.Tensors;
using Successor.Tensors.Fast;

namespace Successor.Lab.Loop;

sealed class LabContext
{
    readonly IKernels kernels = new FastKernels();

    public LabContext(LabConfig config, LabJournal journal, string workFolder, Action<LabLine> report,
        string judgeFolder, WorkerLaunch? launch = null)
    {
        Config = config;
        Journal = journal;
        JudgeFolder = judgeFolder;
        bool slurm = config.Executor?.Kind == ExecutorConfig.Slurm;
        Work = slurm ? Slurm.SlurmSettings.TrialRootOf(config, workFolder) : workFolder;
        Report = report;
        var budget = TimeSpan.FromSeconds(config.Budgets.TrialSeconds);
        if (slurm && journal.Ledger is Successor.Ledger.Storage.SqliteLedger)
            throw new LabConfigException($"lab {config.Name}: executor.kind is slurm, but the ledger is the SQLite " +
                $"file {Path.GetRelativePath(Environment.CurrentDirectory, journal.Ledger.Location)}; " +
                "a Slurm lab needs a PostgreSQL ledger (--ledger \"Host=…\")");
        // a Slurm trial's sandbox is built on its node, which says so in the trial's verdict when it cannot
        if (!slurm && launch is null && config.Sandbox == "on" && Sandbox.WorkerSandbox.Unavailable() is { } why)
            throw new Sandbox.SandboxUnavailableException($"lab {config.Name}: the worker sandbox cannot be built "
                + $"here: {why}; install bubblewrap, or set \"sandbox\": \"off\" in lab.json to run unconfined");
        Runner = slurm ? new Slurm.SlurmExecutor(Slurm.SlurmSettings.Of(config, workFolder, Work))
            : new TrialRunner(config.Research.Workers, budget,
                launch ?? WorkerLaunch.Of(config.Sandbox == "on", budget, TrialThreads(1))
                    with { Forbidden = LedgerFile(journal.Ledger.Location) });
        Researcher = LabResearchers.Create(config, PluginPoints);
        Task = new PublicSide(LabWorkloads.Create(config));
        Recipes = new TrialRecipes(config);
        IncidentGate = new IncidentGate(config.Gates.Incidents);
        Trials = new TrialBatch(this);
        var account = config.Judge.Account is { } name ? JudgeAccount.Resolve(name) : null;
        Judge = new JudgeClient(new JudgeLauncher(account), judgeFolder, config, Parallelism.Threads);
    }

    public LabConfig Config { get; }
    public string JudgeFolder { get; }

    /// <summary>Compiles plug-ins in a worker of this program, in the trials' sandbox (or none, as lab.json's
    /// "sandbox" says), with decoys at the ledger's file and the judge's folder; records each in generation g.
    /// </summary>
    public Plugins.SandboxedPluginCompiler PluginCompiler(int g, string researcher) =>
        new(Plugins.SandboxedPluginCompiler.Launch(Config.Sandbox == "on",
            [.. LedgerFile(Journal.Ledger.Location), Path.Combine(Path.GetFullPath(JudgeFolder), "secret")]),
            Work, Plugins.PluginLedger.For(this, g, researcher));
    public LabJournal Journal { get; }
    public string Work { get; }
    public Action<LabLine> Report { get; }
    /// <summary>The local worker pool, or the Slurm executor (lab.json's executor).</summary>
    public ITrialExecutor Runner { get; }
    public IResearcher Researcher { get; }
    /// <summary>The extension points a researcher is told of, with their contracts. Activation is not among them:
    /// the judge never runs plug-in code, so it could not score such a model.</summary>
    public IReadOnlyList<PluginPoint> PluginPoints { get; } =
        [.. Successor.Plugins.ExtensionPoints.All.Where(p => p != Successor.Plugins.ExtensionPoint.Activation)
            .Select(p => new PluginPoint(Successor.Plugins.ExtensionPoints.Name(p),
                Successor.Plugins.ExtensionPoints.Contract(p)))];
    /// <summary>The lab's public side of its task: training data and public validation. The sealed side is the
    /// judge's.</summary>
    public IWorkload Task { get; }
    /// <summary>The judge process: verdicts, sealed scores, canaries, contamination, re-evaluation.</summary>
    public JudgeClient Judge { get; }
    public TrialRecipes Recipes { get; }
    public IncidentGate IncidentGate { get; }
    /// <summary>Runs, records and checks batches of trials.</summary>
    public TrialBatch Trials { get; }

    /// <summary>This run's wall clock, since the lab (re)started.</summary>
    public Stopwatch LabClock { get; } = Stopwatch.StartNew();

    /// <summary>Measures the current generation's wall clock for budgets.generation_seconds.</summary>
    public Stopwatch GenerationClock { get; set; } = Stopwatch.StartNew();

    public int TrainMax => CurriculumGenerator.ParseDifficulties(Config.Curriculum.TrainDifficulties)[^1];

    public ulong SeedFor(int g, int index) => Rng.For(Config.Seed, 0x7121A1, (ulong)g, (ulong)index).NextULong() >> 12;

    public GptModel Load(string digest) => LoadFile(Journal.Artifacts.PathOf(digest));

    public GptModel LoadFile(string path) => ModelCheckpoint.Load(path, kernels).Model;

    /// <summary>Kernel threads of each of `trials` trials run together: threads_per_worker, and on the local pool a
    /// batch smaller than the pool shares the idle workers' threads, so a lone successor trains on every core the
    /// pool holds. The kernels give the same bits for any thread count, so only the wall clock changes. A Slurm
    /// node has the cores it was given and no more.</summary>
    public int TrialThreads(int trials)
    {
        var r = Config.Research;
        if (Config.Executor?.Kind == ExecutorConfig.Slurm || trials >= r.Workers) return r.ThreadsPerWorker;
        return r.ThreadsPerWorker * r.Workers / Math.Max(1, trials);
    }

    public string Folder(int g, string trial) => Path.Combine(Work, $"g{g}", trial);

    public string ModelPath(int g, string trial) => Path.Combine(Folder(g, trial), TrialWorker.ModelFile);

    /// <summary>Tokens trained on by the recorded trials whose id starts with `trialPrefix` ("" for the lab).</summary>
    public long TokensUsed(string trialPrefix) =>
        Journal.All(Journal.Id("trial", trialPrefix)).Sum(t => Records.TrialRecord.From(t.Attributes).Tokens);

    /// <summary>A public score as people read it: accuracy, or bits per byte (scores are minus bits per
    /// byte).</summary>
    public string Public(double score) => Task.Metric == "accuracy" ? $"{score:0.000}" : $"{-score:0.0000}";

    /// <summary>Records an incident once (by its local id) and reports it.</summary>
    public void RaiseIncident(int g, string local, string kind, string detail, Severity severity = Severity.Critical)
    {
        string id = Journal.Id("incident", $"g{g}-{local}");
        if (Journal.Ledger.FindById(id).Count == 0)
            Report(new(g, "incident", $"{severity.ToString().ToLowerInvariant()}: {kind}: {detail}"));
        new IncidentLog(Journal.Ledger)
            .Record(LabJournal.LoopAgent, new Incident(id, Journal.Lab, kind, detail, severity));
    }

    /// <summary>The critical incidents raised in generation g.</summary>
    public IReadOnlyList<Incident> CriticalIncidents(int g) =>
        [.. new IncidentLog(Journal.Ledger).All(Journal.Lab).Where(i => i.Severity == Severity.Critical
            && i.Id.StartsWith(Journal.Id("incident", $"g{g}-"), StringComparison.Ordinal))];

    /// <summary>The lab's human gates for generation g: a pause is reported as that generation's line.</summary>
    public Approvals Approvals(int g) =>
        new(Journal.Ledger, Journal.Lab, LabJournal.LoopAgent, summary => Report(new(g, "gate", $"paused: {summary}")));

    /// <summary>A SQLite ledger's file, where a worker finds a decoy that trips when opened (a PostgreSQL ledger
    /// is a server, unreachable from the sandbox's empty network).</summary>
    static IReadOnlyList<string> LedgerFile(string location) =>
        location.Contains("Host=", StringComparison.OrdinalIgnoreCase) || !File.Exists(location) ? [] : [location];
}
