// A trial's files on the Slurm side, under the lab's shared folder but outside every trial's folder (a
// sandboxed worker sees only its own): the job script, the job's output, one line per start of the job (a
// requeued job starts again), and the verdict the node's supervisor writes when the trial ends — the
// result the lab reads, since a worker could write anything into its own folder.
using Successor.Lab.Trials;

namespace Successor.Lab.Slurm;

public sealed record JobFiles(string Folder)
{
    public const string SlurmFolder = "slurm";

    public static JobFiles For(string trialRoot, string trialId) =>
        new(Path.Combine(Path.GetFullPath(trialRoot), SlurmFolder, trialId));

    public string Script => Path.Combine(Folder, "job.sh");
    public string Output => Path.Combine(Folder, "out.log");
    public string Starts => Path.Combine(Folder, "starts.log");
    public string Verdict => Path.Combine(Folder, TrialResult.FileName);

    /// <summary>The verdict, or null while the job has not written one.</summary>
    public TrialResult? LoadVerdict() => TrialResult.TryLoad(Folder);

    /// <summary>The starts recorded so far, one line each: "JOB RESTARTS NODE TIME".</summary>
    public IReadOnlyList<string> StartLines() =>
        File.Exists(Starts) ? File.ReadAllLines(Starts).Where(l => l.Length > 0).ToList() : [];

    /// <summary>The last line of the job's output, for a job that ended without a verdict.</summary>
    public string LastOutputLine()
    {
        if (!File.Exists(Output)) return "(no output)";
        return File.ReadLines(Output).LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "(no output)";
    }
}
