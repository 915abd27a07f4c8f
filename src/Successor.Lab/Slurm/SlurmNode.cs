// The node's end of a Slurm trial (`successor trial-node FOLDER --job JOBFOLDER`): the job's own process,
// outside the sandbox, runs the trial exactly as the local pool does — the worker in bubblewrap, its
// system-call filter's listener held here (the worker is this process's child, as it is the lab's locally),
// the watch on its memory, processes, decoys and output, the wall budget — and writes the verdict to the job's
// folder, which no worker can see. It records each start first: a requeued job starts twice, a restarted
// lab's adopted job once.
using System.Globalization;
using Successor.Lab.Sandbox;
using Successor.Lab.Trials;

namespace Successor.Lab.Slurm;

public static class SlurmNode
{
    public const string Verb = "trial-node";

    /// <summary>`launch` replaces this program's worker (a test's hostile stand-in); null: `successor trial`.
    /// </summary>
    public static TrialResult Run(string folder, string jobFolder, TimeSpan budget, int threads, bool sandboxed,
        CancellationToken cancel, WorkerLaunch? launch = null)
    {
        folder = Path.GetFullPath(folder);
        var files = new JobFiles(Path.GetFullPath(jobFolder));
        Directory.CreateDirectory(files.Folder);
        string job = Environment.GetEnvironmentVariable("SLURM_JOB_ID") ?? "-";
        string restarts = Environment.GetEnvironmentVariable("SLURM_RESTART_COUNT") ?? "0";
        File.AppendAllText(files.Starts, string.Create(CultureInfo.InvariantCulture,
            $"{job} {restarts} {Environment.MachineName} {DateTime.UtcNow:O}\n"));
        var spec = TrialSpec.Load(folder);
        TrialResult result;
        if (sandboxed && WorkerSandbox.Unavailable() is { } why)
            result = new TrialResult { Id = spec.Id, Status = "failed",
                Error = $"the worker sandbox cannot be built on node {Environment.MachineName}: {why}" };
        else
            result = new TrialRunner(1, budget, launch ?? WorkerLaunch.Of(sandboxed, budget, threads))
                .Run([(spec, folder)], _ => { }, cancel)[0];
        result.Save(files.Folder);
        return result;
    }
}
