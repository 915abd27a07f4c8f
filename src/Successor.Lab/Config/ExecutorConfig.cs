// Where a lab's trials run: "local", worker processes of the lab's own machine (the default), or "slurm",
// jobs of a Slurm cluster that run the same worker inside the same sandbox on a node (Lab/Slurm). A Slurm
// lab keeps its ledger on PostgreSQL: a SQLite file is one machine's.
namespace Successor.Lab.Config;

public sealed record ExecutorConfig
{
    public const string Local = "local", Slurm = "slurm";

    [TemplateComment("local: worker processes on this machine; slurm: one sbatch job per trial (docs/SCALE.md).")]
    public string Kind { get; init; } = Local;
    /// <summary>The partition jobs go to (null: the cluster's default).</summary>
    [TemplateComment("With slurm: the partition jobs are submitted to (null: the cluster's default).")]
    public string? Partition { get; init; }
    /// <summary>A folder every node mounts at the same path; the lab's trial folders and its jobs' scripts, logs
    /// and verdicts go under it (null: the --work folder, which must then be shared).</summary>
    [TemplateComment("With slurm: a folder every node mounts at the same path, for trial folders and job files " +
        "(null: the --work folder).")]
    public string? SharedFolder { get; init; }
    /// <summary>Seconds between two looks at the queue (squeue, and sacct for jobs squeue has forgotten).</summary>
    [TemplateComment("With slurm: seconds between two looks at the queue.")]
    public double PollSeconds { get; init; } = 1;
}
