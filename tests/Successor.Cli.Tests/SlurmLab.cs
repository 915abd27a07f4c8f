// A lab folder for the Slurm tests: its ledger is a schema of its own on the test PostgreSQL server, its trials
// run on the local pool or as jobs of the test cluster (lab.json's executor), and `successor` runs with the
// folder as its working directory, where a PostgreSQL lab's judge keeps its secret (.successor/judge).
using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;
using Successor.Lab.Slurm;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Cli.Tests;

public sealed class SlurmLab : IDisposable
{
    readonly string schema = $"t_{Guid.NewGuid():N}";

    public string Root { get; } = Directory.CreateTempSubdirectory("successor-slurm-").FullName;
    public string Config => Path.Combine(Root, "lab.json");
    public string Ledger => new NpgsqlConnectionStringBuilder(ClusterServices.Postgres) { SearchPath = schema }
        .ToString();
    public string Work => Path.Combine(Root, "runs");
    /// <summary>Where the lab's trial folders and job files are (no shared_folder: the run folder).</summary>
    public string LabFolder => Path.Combine(Work, Name);
    public string Name { get; }

    /// <summary>A one-generation curriculum lab: `research` is its research section; `slurm` gives it the Slurm
    /// executor on the test cluster (else the local pool); `steps` its first champion's and successor's steps,
    /// `items` the promotion's items per slice, `trialSteps` each trial's.</summary>
    public SlurmLab(string research, bool slurm, int seed = 1, (int Initial, int Successor)? steps = null,
        int items = 20, string name = "scale", int trialSteps = 20)
    {
        var (initial, successor) = steps ?? (60, 30);
        Name = name;
        using (var c = new NpgsqlConnection(ClusterServices.Postgres))
        {
            c.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            create.ExecuteNonQuery();
        }
        string executor = slurm
            ? $$""", "executor": { "kind": "slurm", "partition": "{{ClusterServices.Partition}}", """
                + "\"poll_seconds\": 0.5 }"
            : "";
        File.WriteAllText(Config, $$"""
            { "name": "{{name}}", "seed": {{seed}}, "generations": 1,
              "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
              "budgets": { "trial_steps": {{trialSteps}}, "initial_steps": {{initial}},
                "successor_steps": {{successor}} },
              "research": { {{research}} },
              "self_generation": { "problems_per_difficulty": 40 },
              "promotion": { "difficulties": "1-3", "items_per_slice": {{items}} }{{executor}} }
            """);
        Directory.CreateDirectory(Path.Combine(Root, ".successor", "judge"));
        File.WriteAllText(Path.Combine(Root, ".successor", "judge", "secret"), Cli.Tests.LabFolder.JudgeSecret);
    }

    public string[] Args(params string[] verb) =>
        [.. verb, "--config", Config, "--ledger", Ledger,
            .. verb[0] is "run" or "halt" ? new[] { "--work", Work } : [],
            .. verb[0] is "run" ? new[] { "--artifacts", Path.Combine(Root, "artifacts") } : []];

    /// <summary>Starts `successor` in the lab's folder with redirected output.</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "successor.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "1";
        return Process.Start(start)!;
    }

    public ProcessResult Run(params string[] args)
    {
        using var process = Start(args);
        return SuccessorProcess.Wait(process, args);
    }

    public ProcessResult Succeed(params string[] verb)
    {
        var r = Run(Args(verb));
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        return r;
    }

    public void Verify()
    {
        var r = Run("verify", "--ledger", Ledger, "--artifacts", Path.Combine(Root, "artifacts"),
            "--accept-unwitnessed");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
    }

    /// <summary>The lab's jobs the cluster knows (JobNames: by the prefix of this lab's folder).</summary>
    public IReadOnlyList<SlurmJob> Jobs() => SlurmJobs.WithPrefix(JobNames.Prefix(Name, LabFolder));

    public JobFiles Files(string trial) => JobFiles.For(LabFolder, trial);

    /// <summary>Every statement of `type` the ledger holds, by subject, in the order recorded.</summary>
    public List<(string Subject, JsonObject Attributes)> Recorded(string type)
    {
        using var ledger = LedgerStore.Open(Ledger);
        return [.. ledger.Read().Select(r => r.Parse().Statement)
            .Where(s => s.Kind == ProvKind.Activity && s.Type == type && s.Attributes is not null)
            .Select(s => (s.Subject, s.Attributes!))];
    }

    /// <summary>Every trial of the lab was recorded once, and generation 1 ran to its verdict.</summary>
    public void AssertEveryTrialRecordedOnce()
    {
        var trials = Recorded("trial").Select(t => t.Subject).ToList();
        Assert.Equal(trials.Count, trials.Distinct().Count());
        Assert.Contains($"trial:{Name}/g1-successor", trials);
    }

    public void Dispose()
    {
        try { SlurmJobs.Cancel(Jobs().Where(j => !j.HasEnded).Select(j => j.Id)); }
        catch (Successor.Lab.Loop.LabException) { } // the cluster is gone: nothing of the lab can run there
        NpgsqlConnection.ClearAllPools();
        using (var c = new NpgsqlConnection(ClusterServices.Postgres))
        {
            c.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", c);
            drop.ExecuteNonQuery();
        }
        Directory.Delete(Root, recursive: true);
    }
}
