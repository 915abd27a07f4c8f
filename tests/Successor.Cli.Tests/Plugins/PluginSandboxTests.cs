// Plug-ins through the real executable in the real sandbox. Compiling: a deliberate compile error comes back
// as diagnostics, the repair compiles, and the source, the compile log and the hash are in the ledger; a
// hostile plug-in is refused inside the compile worker and recorded as an incident naming each attempt.
// Running: a trial's worker compiles, loads and trains with its recipe's plug-in; one that spins for ever or
// allocates without bound is stopped by the trial's sandbox.
using Successor.Lab.Loop;
using Successor.Lab.Plugins;
using Successor.Lab.Sandbox;
using Successor.Lab.Trials;
using Successor.Ledger.Artifacts;
using Successor.Ledger.Storage;
using Successor.PluginHost.Tests;
using Successor.Research;
using Successor.Safety.Incidents;
using Successor.Training.Recipes;

namespace Successor.Cli.Tests.Plugins;

public sealed class PluginSandboxTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("successor-plugins-").FullName;
    readonly ILedger ledger;
    readonly LabJournal journal;

    public PluginSandboxTests()
    {
        ledger = LedgerStore.Open(Path.Combine(root, "ledger.db"));
        journal = new LabJournal(ledger, new ArtifactStore(Path.Combine(root, "artifacts")), "tiny");
    }

    public void Dispose()
    {
        ledger.Dispose();
        Directory.Delete(root, recursive: true);
    }

    SandboxedPluginCompiler Compiler() => new(PluginWorkers.Compile([Path.Combine(root, "ledger.db")]), root,
        new PluginLedger(journal, 1, (local, kind, detail, severity) => new IncidentLog(ledger).Record("agent:loop",
            new Incident($"incident:tiny/g1-{local}", "tiny", kind, detail, severity))));

    static PluginProposal Schedule(string source) => new("learning_rate_schedule", source);

    [Fact]
    public void A_compile_error_goes_back_as_diagnostics_the_repair_compiles_and_both_are_in_the_ledger()
    {
        var compiler = Compiler();
        var broken = compiler.Compile(Schedule(PluginSources.Broken));
        Assert.False(broken.Ok);
        Assert.Contains(broken.Diagnostics, d => d.StartsWith("plugin.cs(8,", StringComparison.Ordinal)
            && d.Contains("error CS1002", StringComparison.Ordinal));
        string repaired = PluginSources.Broken.Replace("PeakLearningRate\n", "PeakLearningRate;\n")
            .Replace("Math.Mux", "Math.Max");
        var fixedOne = compiler.Compile(Schedule(repaired));
        Assert.True(fixedOne.Ok, string.Join("\n", fixedOne.Diagnostics));
        Assert.Equal(PluginDigest.Of(repaired), fixedOne.Hash);
        // source by its hash, compile log, and one plugin entity each
        Assert.Equal(repaired, File.ReadAllText(journal.Artifacts.PathOf(fixedOne.Hash!)));
        var plugins = journal.All("plugin:tiny/").ToList();
        Assert.Equal(2, plugins.Count);
        Assert.Equal([false, true], plugins.Select(p => (bool)p.Attributes["ok"]!));
        string log = File.ReadAllText(journal.Artifacts.PathOf((string)plugins[0].Attributes["compile_log_sha256"]!));
        Assert.Contains("error CS1002", log);
        Assert.Empty(new IncidentLog(ledger).All("tiny"));
    }

    [Fact]
    public void A_hostile_plug_in_is_refused_in_the_compile_worker_and_recorded_naming_each_attempt()
    {
        string hostile = PluginSources.Schedule("""
            var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork,
                System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            string sealedSide = System.IO.File.ReadAllText("../split/sealed/holdout.jsonl");
            System.Diagnostics.Process.Start("/bin/sh");
            var verifier = Type.GetType("Successor.Evaluation.Verification.Verifier, Successor.Evaluation");
            """);
        var outcome = Compiler().Compile(Schedule(hostile));
        Assert.False(outcome.Ok);
        var incident = Assert.Single(new IncidentLog(ledger).All("tiny"));
        Assert.Equal(PluginLedger.Refused, incident.Kind);
        Assert.Equal(Severity.Critical, incident.Severity);
        foreach (string attempt in new[] { "System.Net", "System.IO.File", "System.Diagnostics", "System.Type" })
            Assert.Contains(attempt, incident.Detail);
        Assert.Contains(PluginDigest.Of(hostile)[..19], incident.Detail);
    }

    /// <summary>Runs `specs` as sandboxed trials of the real worker, each with its plug-in's source beside it.
    /// </summary>
    IReadOnlyList<TrialResult> Trials(SandboxLimits limits, TimeSpan budget, params TrialSpec[] specs)
    {
        var runner = new TrialRunner(specs.Length, budget, PluginWorkers.Trial(limits));
        return runner.Run([.. specs.Select(s => (s, Path.Combine(root, "runs", s.Id)))], _ => { },
            CancellationToken.None);
    }

    TrialSpec WithPlugin(string id, string source)
    {
        string hash = PluginDigest.Of(source);
        string file = journal.Artifacts.PathOf(journal.Store(System.Text.Encoding.UTF8.GetBytes(source)));
        return PluginWorkers.Spec(id, r => r with { LearningRateSchedulePlugin = hash }, file);
    }

    [Fact]
    public void A_trials_worker_compiles_loads_and_trains_with_its_recipes_plug_in()
    {
        var results = Trials(new SandboxLimits(), TimeSpan.FromMinutes(5), PluginWorkers.Spec("plain", r => r),
            WithPlugin("floor", PluginSources.Floor));
        Assert.All(results, r => Assert.True(r.Ok, $"{r.Id}: {r.Status}: {r.Error}"));
        var (plain, floor) = (results[0], results[1]);
        // the same seed and batches; the floor holds the rate up late in the run, so the curves part there
        Assert.Equal(plain.LossCurve[0], floor.LossCurve[0]);
        Assert.NotEqual(plain.LossCurve[^1], floor.LossCurve[^1]);
        Assert.NotEqual(plain.ModelSha256, floor.ModelSha256);
    }

    [Fact]
    public void A_plug_in_that_names_a_hash_no_source_has_fails_its_trial()
    {
        var spec = PluginWorkers.Spec("missing", r => r with { LearningRateSchedulePlugin = PluginDigest.Of("x") });
        var result = Trials(new SandboxLimits(), TimeSpan.FromMinutes(5), spec)[0];
        Assert.Equal("failed", result.Status);
        Assert.Contains("no source given to the worker hashes to it", result.Error);
    }

    [Fact]
    public void A_plug_in_that_spins_for_ever_is_killed_at_the_trials_wall_budget()
    {
        var spec = WithPlugin("spin", PluginSources.Spin) with { CheckpointEvery = 5 };
        var result = Trials(new SandboxLimits(), TimeSpan.FromSeconds(30), spec)[0];
        Assert.Equal("timeout", result.Status);
        // it trained with the plug-in loaded up to the step where it spins, and never got further
        string checkpoint = Path.Combine(root, "runs", "spin", TrialWorker.CheckpointFolder);
        Assert.True(Directory.Exists(checkpoint), "the worker never reached the plug-in's spin");
        Assert.False(File.Exists(Path.Combine(root, "runs", "spin", TrialWorker.ModelFile)));
    }

    [Fact]
    public void A_plug_in_that_allocates_without_bound_is_killed_at_the_memory_limit()
    {
        var limits = new SandboxLimits { MemoryBytes = 768L << 20 };
        var result = Trials(limits, TimeSpan.FromMinutes(5), WithPlugin("hoard", PluginSources.Allocate))[0];
        Assert.Equal(WorkerVerdict.MemoryLimit, result.Status);
        Assert.Contains("past the sandbox's memory limit of 768 MiB", result.Error);
    }
}
