// One job as squeue (or sacct) reports it, and what its state means to the lab: still in the queue, or ended.
namespace Successor.Lab.Slurm;

/// <summary>Restarts counts the times Slurm requeued the job (a node failed, the job was preempted).</summary>
public sealed record SlurmJob(long Id, string Name, string State, int Restarts, string Reason)
{
    /// <summary>States after which the job never runs again (a requeued job is PENDING, not one of these).
    /// </summary>
    static readonly HashSet<string> Ended = new(StringComparer.Ordinal)
    {
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE",
        "PREEMPTED", "SPECIAL_EXIT", "REVOKED",
    };

    /// <summary>sacct writes "CANCELLED by 0"; squeue writes the bare state.</summary>
    public bool HasEnded => Ended.Contains(State.Split(' ')[0]);

    /// <summary>The job's place in the queue as the dashboard shows it: pending, requeued (pending again after
    /// a restart), running, or the state it ended in.</summary>
    public string QueueState => State switch
    {
        "PENDING" or "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED" when Restarts > 0 => "requeued",
        "PENDING" or "CONFIGURING" => "pending",
        "RUNNING" or "COMPLETING" or "SIGNALING" or "STAGE_OUT" => "running",
        _ => State.Split(' ')[0].ToLowerInvariant(),
    };
}
