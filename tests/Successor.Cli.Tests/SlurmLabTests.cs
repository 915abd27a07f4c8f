// Trials on a real one-node Slurm cluster (.ci/slurm-up) with the ledger on a real PostgreSQL: the same lab
// reaches the same verdicts on Slurm as on the local pool, to the last digit; a lab killed with kill -9 adopts
// its jobs when run again; a node that dies mid-trial has its job requeued, and the trial completes; halt cancels
// the lab's jobs (one lab, with the kill -9). One class: the tests kill the cluster's only node, so none may run
// beside another.
using System.Diagnostics;
using System.Text.Json.Nodes;
using Successor.Lab.Slurm;

namespace Successor.Cli.Tests;

public sealed class SlurmLabTests
{
    const string Eight = "\"proposals\": 7, \"workers\": 2";
    const string Few = "\"proposals\": 3, \"workers\": 2";

    [SlurmFact]
    public void A_lab_of_nine_trials_a_generation_gets_the_same_promotion_on_slurm_as_on_the_local_pool()
    {
        // long enough to promote: a promotion is what has to come out the same. A successor of 300 steps beats its
        // champion by a wide margin (seeds 4, 5, 7: CI lower bounds 0.08–0.27); at 100 steps the verdict was a coin
        // toss that changed with the kernels' rounding.
        using var local = new SlurmLab(Eight, slurm: false, seed: 4, steps: (300, 300), items: 30);
        using var slurm = new SlurmLab(Eight, slurm: true, seed: 4, steps: (300, 300), items: 30);
        // both at once: the same work either way, and the test takes one lab's time
        using (var a = local.Start(local.Args("run")))
        using (var b = slurm.Start(slurm.Args("run")))
        {
            var outputs = new[] { a, b }.Select(p => (Out: p.StandardOutput.ReadToEndAsync(),
                Err: p.StandardError.ReadToEndAsync())).ToArray();
            Assert.True(a.WaitForExit(TimeSpan.FromMinutes(10)) && b.WaitForExit(TimeSpan.FromMinutes(10)));
            Assert.True(a.ExitCode == 0, outputs[0].Err.Result + outputs[0].Out.Result);
            Assert.True(b.ExitCode == 0, outputs[1].Err.Result + outputs[1].Out.Result);
        }
        var trials = Trials(slurm);
        Assert.True(trials.Keys.Count(t => t.StartsWith("g1-", StringComparison.Ordinal)) >= 8,
            string.Join(", ", trials.Keys));
        Assert.Equal(Trials(local), trials);
        Assert.Equal(Verdicts(local), Verdicts(slurm));
        Assert.True((bool)slurm.Recorded("generation").Single(g => g.Subject == "generation:scale/g1")
            .Attributes["promoted"]!, string.Join("\n", Verdicts(slurm)));
        // every trial of the Slurm lab was one job, started once, which ended with its verdict
        var jobs = slurm.Jobs();
        Assert.Equal(trials.Count, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(("COMPLETED", 0), (j.State, j.Restarts)));
        Assert.All(trials.Keys, t => Assert.Single(slurm.Files(t).StartLines()));
        Assert.All(trials.Keys, t => Assert.True(slurm.Files(t).LoadVerdict()!.Ok));
        // nothing of it ran on the lab's machine: the local pool leaves no job folder
        Assert.False(Directory.Exists(Path.Combine(local.LabFolder, "slurm")));
        slurm.Verify();
    }

    // What a job sees of the lab's environment: PATH, HOME, DOTNET_ROOT and Slurm's own variables. Not a secret
    // the lab holds, and not the login environment (`su - USER`, what Slurm loads for an --export list: USER,
    // SHELL, LOGNAME, whatever the login scripts set, after however long they take).
    [SlurmFact]
    public void A_job_inherits_path_home_and_slurm_s_variables_only_and_starts_without_the_login_environment()
    {
        const string Secret = "SUCCESSOR_TEST_SECRET_TOKEN";
        Environment.SetEnvironmentVariable(Secret, "must-not-reach-a-node");
        string folder = Directory.CreateTempSubdirectory("successor-slurm-env-").FullName;
        try
        {
            string script = Path.Combine(folder, "job.sh"), output = Path.Combine(folder, "out.log");
            File.WriteAllText(script, "#!/bin/sh\nenv\n");
            string name = $"successor.test.env-{Guid.NewGuid():N}";
            SlurmJobs.Submit(script, name, ClusterServices.Partition, output, TimeSpan.FromMinutes(2), 1);
            var clock = Stopwatch.StartNew();
            SlurmJob? job = null;
            while (clock.Elapsed < TimeSpan.FromMinutes(3) && job?.HasEnded != true)
            {
                Thread.Sleep(500);
                job = SlurmJobs.Named([name]).SingleOrDefault();
            }
            Assert.NotNull(job);
            Assert.Equal(("COMPLETED", 0), (job.State, job.Restarts));
            var names = File.ReadAllLines(output).Select(line => line.Split('=')[0]).ToHashSet();
            Assert.Contains("PATH", names);
            Assert.DoesNotContain(Secret, names);
            string[] slurmsOwn = ["ENVIRONMENT", "HOSTNAME", "PWD", "OLDPWD", "TMPDIR", "SHLVL", "_"];
            Assert.DoesNotContain(names, n => n is not ("PATH" or "HOME" or "DOTNET_ROOT")
                && !n.StartsWith("SLURM", StringComparison.Ordinal) && !slurmsOwn.Contains(n));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Secret, null);
            Directory.Delete(folder, recursive: true);
        }
    }

    [SlurmFact(KillsTheNode = true)]
    public void A_node_that_dies_mid_trial_has_its_job_requeued_and_the_trial_completes_and_verifies()
    {
        using var lab = new SlurmLab(Few, slurm: true);
        using var run = lab.Start(lab.Args("run"));
        var stdout = new System.Text.StringBuilder();
        WaitFor(run, "g1 trials: running ", stdout);
        // wait until a g1 trial's supervisor has started on the node, then kill the node: slurmd and every job
        var clock = Stopwatch.StartNew();
        SlurmJob? victim = null;
        while (victim is null && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            victim = lab.Jobs().FirstOrDefault(j => j.State == "RUNNING"
                && j.Name.Contains(".g1-", StringComparison.Ordinal)
                && lab.Files(j.Name[(j.Name.LastIndexOf('.') + 1)..]).StartLines().Count == 1);
            Thread.Sleep(50);
        }
        Assert.NotNull(victim);
        string trial = victim.Name[(victim.Name.LastIndexOf('.') + 1)..];
        NodeProcesses.KillNode();
        ClusterServices.RestartSlurmd();
        var rest = run.StandardOutput.ReadToEndAsync();
        string stderr = run.StandardError.ReadToEnd();
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(5)), "the lab did not finish after the node came back");
        Assert.True(run.ExitCode == 0, stderr + stdout + rest.Result);
        // the killed trial's job was requeued (same job, a second start) and its trial is recorded as ok, once
        var job = lab.Jobs().Single(j => j.Id == victim.Id);
        Assert.Equal("COMPLETED", job.State);
        Assert.True(job.Restarts >= 1, $"job {job.Id} was never requeued");
        var starts = lab.Files(trial).StartLines();
        Assert.True(starts.Count >= 2, string.Join("\n", starts));
        Assert.StartsWith($"{victim.Id} 0 ", starts[0]);
        Assert.StartsWith($"{victim.Id} 1 ", starts[1]);
        lab.AssertEveryTrialRecordedOnce();
        var recorded = lab.Recorded("trial").Single(t => t.Subject == $"trial:scale/{trial}").Attributes;
        Assert.Equal("ok", (string)recorded["status"]!);
        lab.Verify();
    }

    /// <summary>One lab for the two ways a lab stops (once a lab each): halted while g1's jobs run, it cancels them
    /// all; run again, it is killed with kill -9 once g1's trials are submitted anew; run a third time, it adopts the
    /// jobs in flight and runs no trial twice.</summary>
    [SlurmFact]
    public void Halt_cancels_the_lab_s_jobs_and_after_kill_9_run_again_adopts_its_jobs_and_runs_no_trial_twice()
    {
        // trials long enough to be in flight at the halt and at the kill: at 20 steps a trial's job is over in
        // the time a halt takes to start, and the test would prove nothing
        using var lab = new SlurmLab(Few, slurm: true, trialSteps: 400);
        string token = File.ReadAllText(lab.Run("person", "bootstrap", "ada", "--ledger", lab.Ledger,
            "--key-out", Path.Combine(lab.Root, "ada.key")).Value("key_file")).Trim();
        using (var run = lab.Start(lab.Args("run")))
        {
            WaitFor(run, "g1 trials: running ");
            var clock = Stopwatch.StartNew();
            while (!lab.Jobs().Any(j => j.State == "RUNNING" && j.Name.Contains(".g1-", StringComparison.Ordinal))
                && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(50);
            var halt = lab.Run([.. lab.Args("halt"), "--reason", "drill", "--token", token]);
            Assert.True(halt.ExitCode == 0, halt.Stderr);
            Assert.Matches(@"cancelled \d+ Slurm job\(s\) of lab scale still in the queue", halt.Stdout);
            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)));
            Assert.Equal(130, run.ExitCode);
        }
        // no job of the lab is left in the queue, and those of g1 that had not finished were cancelled
        var halted = lab.Jobs();
        Assert.DoesNotContain(halted, j => !j.HasEnded);
        Assert.Contains(halted, j => j.State == "CANCELLED");
        Assert.All(halted.Where(j => j.State != "COMPLETED"), j => Assert.Equal("CANCELLED", j.State));
        var cancelled = halted.Where(j => j.State == "CANCELLED").Select(j => j.Id).ToHashSet();
        var beforeKill = halted.Select(j => j.Id).ToHashSet();
        // A cancelled job may leave a verdict (its worker, killed by the cancel's signal, reads as failed): one is
        // planted for every cancelled trial without one, and none may stand as the trial's answer.
        var cancelledTrials = halted.Where(j => cancelled.Contains(j.Id))
            .Select(j => j.Name[(j.Name.LastIndexOf('.') + 1)..]).ToHashSet();
        foreach (string t in cancelledTrials.Where(t => lab.Files(t).LoadVerdict() is null))
            new Successor.Lab.Trials.TrialResult { Id = t, Status = "failed",
                Error = "worker exited with code 143: (planted)" }.Save(lab.Files(t).Folder);

        int submitted;
        using (var victim = lab.Start(lab.Args("run")))
        {
            // g1's trials left are all submitted (a job each, but for those whose verdict came in before the halt
            // and was not recorded: they need none) while their workers still train: kill the lab then
            var seen = new System.Text.StringBuilder();
            WaitFor(victim, "g1 trials: running ", seen);
            var pending = seen.ToString().TrimEnd().Split('\n')[^1].Split("worker(s): ")[1].Split(", ");
            // (what a cancelled job left behind is no verdict: its trial runs again)
            var clock = Stopwatch.StartNew();
            while (!pending.All(t => lab.Jobs().Any(j => !beforeKill.Contains(j.Id) && j.Name.EndsWith("." + t,
                    StringComparison.Ordinal)) || !cancelledTrials.Contains(t)
                    && (lab.Files(t).LoadVerdict() is not null
                        || File.Exists(Path.Combine(lab.LabFolder, "g1", t, "result.json"))))
                && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(100);
            victim.Kill(entireProcessTree: false); // SIGKILL
            victim.WaitForExit();
            submitted = lab.Jobs().Count;
        }
        var left = lab.Jobs().Where(j => !j.HasEnded).ToList();
        Assert.True(left.Count > 0, "every job had ended before the kill: the test proves nothing; jobs: " +
            string.Join(", ", lab.Jobs().Select(j => $"{j.Id} {j.Name} {j.State} (restarts {j.Restarts})")));
        lab.Succeed("run");
        lab.AssertEveryTrialRecordedOnce();
        // the jobs in flight were adopted, not submitted again: one job per trial since the halt, each started once
        var jobs = lab.Jobs().Where(j => !cancelled.Contains(j.Id)).ToList();
        Assert.Equal(jobs.Count, jobs.Select(j => j.Name).Distinct().Count());
        Assert.All(left, j => Assert.Contains(jobs, k => k.Id == j.Id && k.State == "COMPLETED"));
        // (a trial whose job the halt cancelled may have started twice, or not again: its verdict had come in)
        Assert.All(lab.Recorded("trial"), t =>
        {
            var starts = lab.Files(t.Subject.Split('/')[1]).StartLines();
            Assert.NotEmpty(starts);
            Assert.True(starts.Count(l => !cancelled.Contains(long.Parse(l.Split(' ')[0],
                System.Globalization.CultureInfo.InvariantCulture))) <= 1, string.Join("\n", starts));
        });
        Assert.True(lab.Jobs().Count > submitted, "the resumed lab submitted the later trials itself");
        lab.Verify();
    }

    [Fact]
    public void A_slurm_lab_on_a_sqlite_ledger_is_refused_with_one_line_and_exit_2()
    {
        using var lab = new LabFolder(LabFolder.Tiny.Replace("\"name\": \"tiny\",",
            "\"name\": \"tiny\", \"executor\": { \"kind\": \"slurm\" },"));
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: lab tiny: executor.kind is slurm, but the ledger is the SQLite file ", line);
        Assert.EndsWith("ledger.db; a Slurm lab needs a PostgreSQL ledger (--ledger \"Host=…\")", line);
        Assert.False(Directory.Exists(Path.Combine(lab.Root, "runs", "tiny", "g0")));
    }

    /// <summary>Reads the lab's output up to the line holding `text`; returns the trial count that line names
    /// ("running N trial(s)"), else 0.</summary>
    static int WaitFor(Process lab, string text, System.Text.StringBuilder? seen = null)
    {
        string? line;
        while ((line = lab.StandardOutput.ReadLine()) is not null)
        {
            seen?.AppendLine(line);
            if (!line.Contains(text, StringComparison.Ordinal)) continue;
            var count = System.Text.RegularExpressions.Regex.Match(line, @"running (\d+) trial");
            return count.Success
                ? int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }
        throw new Xunit.Sdk.XunitException($"the lab ended before '{text}': {lab.StandardError.ReadToEnd()}");
    }

    /// <summary>What a trial's verdict is made of: status, public scores item by item, and the model's hash.
    /// </summary>
    static Dictionary<string, string> Trials(SlurmLab lab) => lab.Recorded("trial").ToDictionary(
        t => t.Subject.Split('/')[1],
        t => string.Join(" | ", new[] { "status", "score", "scores", "model_sha256", "steps", "tokens" }
            .Select(k => t.Attributes[k]?.ToJsonString())));

    /// <summary>Each generation's promotion and its sealed scores, without times.</summary>
    static List<string> Verdicts(SlurmLab lab) => [.. lab.Recorded("generation").Select(g =>
    {
        var a = (JsonObject)g.Attributes.DeepClone();
        foreach (string timing in new[] { "seconds", "time", "judge_seconds", "judge_work_seconds" }) a.Remove(timing);
        return a.ToJsonString();
    })];
}
