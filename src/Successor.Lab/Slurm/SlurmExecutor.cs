// Trials as Slurm jobs: each pending trial becomes one sbatch job that runs `successor trial-node` on a node,
// which runs the same worker in the same sandbox as a local trial and writes its verdict (JobFiles). The lab
// polls squeue (sacct for a job squeue has forgotten) until every job has a verdict or has ended without one.
// The job name is the trial's identity on the cluster: a lab killed with kill -9 and run again adopts the jobs
// it submitted before, reads the verdicts that arrived meanwhile, and submits only trials that have neither —
// no trial runs twice and none is lost. A requeued job (its node died) keeps its id and starts again; its
// worker resumes from the checkpoint in its trial folder. Cancelling (Ctrl+C, SIGTERM, `successor halt`)
// cancels the jobs with scancel; a trial whose job was cancelled runs again, whatever it left behind.
using System.Diagnostics;
using Successor.Lab.Trials;

namespace Successor.Lab.Slurm;

public sealed class SlurmExecutor(SlurmSettings settings) : ITrialExecutor
{
    /// <summary>Polls a job may go without a verdict after it ended (a shared filesystem shows files late),
    /// or unseen by squeue and sacct, before its trial is failed.</summary>
    const int GracePolls = 5;

    /// <summary>Polls in a row squeue may fail (a controller restarting) before the lab stops with its error.
    /// </summary>
    const int MaxQueueFailures = 120;

    readonly QueueFile queue = new(settings.QueueFile);

    public IReadOnlyList<TrialResult> Run(IReadOnlyList<(TrialSpec Spec, string Folder)> trials,
        Action<TrialResult> completed, CancellationToken cancel, Func<string>? fingerprint = null)
    {
        var results = new TrialResult[trials.Count];
        var open = new Dictionary<int, Tracked>();
        var names = trials.Select(t => JobNames.For(settings.Prefix, t.Spec.Id)).ToList();
        // the jobs of these trials Slurm already has: a lab that was killed finds its own here
        var known = SlurmJobs.Named(names).GroupBy(j => j.Name).ToDictionary(g => g.Key, g => g.MaxBy(j => j.Id)!);
        for (int i = 0; i < trials.Count; i++)
        {
            var (spec, folder) = (trials[i].Spec, Path.GetFullPath(trials[i].Folder));
            var files = JobFiles.For(settings.TrialRoot, spec.Id);
            var tracked = new Tracked(spec, folder, files, fingerprint?.Invoke(), Stopwatch.StartNew());
            bool running = known.TryGetValue(names[i], out var job) && !job.HasEnded;
            if (job is { State: var state } && state.StartsWith("CANCELLED", StringComparison.Ordinal))
                Discard(tracked);
            if (Finished(tracked, running) is { } done) { Finish(i, tracked, done); continue; }
            tracked.Job = running ? job!.Id : Submit(tracked, names[i]);
            open[i] = tracked;
        }
        var lastJobs = new Dictionary<long, SlurmJob>();
        int failures = 0;
        while (open.Count > 0)
        {
            queue.Write(open.Values.Select(t => (t.Spec.Id, t.Job, lastJobs.GetValueOrDefault(t.Job))));
            if (cancel.WaitHandle.WaitOne(TimeSpan.FromSeconds(settings.PollSeconds))) Cancel(open.Values, cancel);
            try
            {
                lastJobs = SlurmJobs.Named([.. open.Values.Select(t => JobNames.For(settings.Prefix, t.Spec.Id))])
                    .ToDictionary(j => j.Id);
                failures = 0;
            }
            // a controller restarting, or busy, is not a reason to give up on jobs that keep running meanwhile
            catch (Loop.LabException) when (++failures < MaxQueueFailures) { continue; }
            foreach (var (i, tracked) in open.ToList())
            {
                var result = tracked.Files.LoadVerdict() ?? Lost(tracked, lastJobs.GetValueOrDefault(tracked.Job));
                if (result is null) continue;
                open.Remove(i);
                Finish(i, tracked, result);
            }
        }
        queue.Write([]);
        return results;

        void Finish(int i, Tracked t, TrialResult result)
        {
            if (TrialRunner.Links(t.Spec, t.Folder, t.Clock) is { } linked) result = linked;
            if (result.Unverifiable(t.Spec, t.Folder) is { } why)
                result = new TrialResult { Id = t.Spec.Id, Status = TrialRunner.Unverifiable, Error = why,
                    Seconds = result.Seconds };
            results[i] = result = result with { EvaluatorBefore = t.Before, EvaluatorAfter = fingerprint?.Invoke() };
            completed(result);
        }
    }

    /// <summary>The result of a trial that needs no job: its verdict is there, or a link; or, when no job of it
    /// is still running, its folder already holds a result (a trial that ended before the lab was restarted, as
    /// a local trial's would). While its job runs, its supervisor's verdict is awaited: it may yet name a decoy
    /// or a refused call the worker's own result.json is silent about.</summary>
    static TrialResult? Finished(Tracked t, bool running) =>
        TrialRunner.Links(t.Spec, t.Folder, t.Clock) ?? t.Files.LoadVerdict()
            ?? (running ? null : TrialResult.TryLoad(t.Folder));

    /// <summary>A trial whose last job was cancelled (a halt, Ctrl+C or SIGTERM of the lab) has no answer: what its
    /// supervisor or worker wrote as the cancel's signal stopped them (a worker killed by it reads as failed) is
    /// removed, and the trial runs again, as a local trial stopped by a halt does.</summary>
    static void Discard(Tracked t)
    {
        File.Delete(t.Files.Verdict);
        File.Delete(Path.Combine(t.Folder, TrialResult.FileName));
    }

    long Submit(Tracked t, string name)
    {
        t.Spec.Save(t.Folder);
        Directory.CreateDirectory(t.Files.Folder);
        AtomicFile.WriteAllText(t.Files.Script, NodeScript.For(t.Spec, t.Folder, t.Files, settings));
        // Slurm's limit is a backstop for a supervisor that hangs: the supervisor itself stops the worker at the
        // trial's budget, as the local pool does
        return SlurmJobs.Submit(t.Files.Script, name, settings.Partition, t.Files.Output,
            settings.TrialBudget + TimeSpan.FromMinutes(5), settings.Threads);
    }

    /// <summary>A failed result for a job that ended (or vanished) and stayed without a verdict for a few polls;
    /// null while it may still bring one.</summary>
    static TrialResult? Lost(Tracked t, SlurmJob? job)
    {
        string? state = job is not null ? (job.HasEnded ? job.State : null) : SlurmJobs.Accounted(t.Job) ?? "unknown";
        if (state is null || new SlurmJob(t.Job, "", state, 0, "") is { HasEnded: false } && state != "unknown")
        {
            t.Silent = 0;
            return null;
        }
        if (++t.Silent < GracePolls) return null;
        string detail = state == "unknown"
            ? $"Slurm job {t.Job} is gone from squeue (and sacct has no record) without a verdict"
            : $"Slurm job {t.Job} ended {state} without a verdict";
        return new TrialResult { Id = t.Spec.Id, Status = "failed", Error = $"{detail}: {t.Files.LastOutputLine()}",
            Seconds = t.Clock.Elapsed.TotalSeconds };
    }

    /// <summary>Cancels the open trials' jobs, waits (a little) until Slurm has ended them, and gives up.</summary>
    void Cancel(IEnumerable<Tracked> open, CancellationToken cancel)
    {
        var ids = open.Select(t => t.Job).ToList();
        SlurmJobs.Cancel(ids);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30)
            && SlurmJobs.Named([.. open.Select(t => JobNames.For(settings.Prefix, t.Spec.Id))])
                .Any(j => ids.Contains(j.Id) && !j.HasEnded))
            Thread.Sleep(200);
        queue.Write([]);
        throw new OperationCanceledException("the lab was stopped; its Slurm jobs were cancelled", cancel);
    }

    sealed record Tracked(TrialSpec Spec, string Folder, JobFiles Files, string? Before, Stopwatch Clock)
    {
        public long Job { get; set; }
        /// <summary>Polls in a row the job has been ended or unknown without a verdict.</summary>
        public int Silent { get; set; }
    }
}
