namespace Successor.Cli.Tests;

/// <summary>A test that needs the Slurm cluster and PostgreSQL; skipped, with the reason, only where they cannot
/// come up.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (ClusterServices.Unavailable is { } why) Skip = why;
    }

    /// <summary>The test kills the cluster's node: only the one-node cluster .ci/slurm-up wrote the configuration
    /// of is ever killed, never a cluster someone else runs.</summary>
    public bool KillsTheNode
    {
        get => false;
        set
        {
            if (value && Skip is null && !ClusterServices.OwnCluster)
                Skip = "the Slurm cluster here is not the one .ci/slurm-up set up; its node is not ours to kill";
        }
    }
}
