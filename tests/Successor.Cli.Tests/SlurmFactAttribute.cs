namespace Successor.Cli.Tests;

/// <summary>A test that needs the Slurm cluster and PostgreSQL; skipped, with the reason, only where they cannot
/// come up.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (ClusterServices.Unavailable is { } why) Skip = why;
    }
}
