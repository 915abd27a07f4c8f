// Where trials run: the local process pool (TrialRunner, the default) or a cluster's scheduler
// (Slurm.SlurmExecutor). Either runs the same `successor trial` worker in the same sandbox, and hands the lab
// results it has checked against their specs and model files.
namespace Successor.Lab.Trials;

public interface ITrialExecutor
{
    /// <summary>Runs every trial not yet finished, calls `completed` once per trial as it ends (one call at a
    /// time), and returns the results in the order of `trials`. A cancelled run stops its workers (or cancels
    /// its jobs) before it throws OperationCanceledException. `fingerprint`, when given, is taken right before
    /// each trial starts and right after it ends (TrialResult.EvaluatorBefore/After).</summary>
    IReadOnlyList<TrialResult> Run(IReadOnlyList<(TrialSpec Spec, string Folder)> trials,
        Action<TrialResult> completed, CancellationToken cancel, Func<string>? fingerprint = null);
}
