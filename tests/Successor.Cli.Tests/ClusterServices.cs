// The one-node Slurm cluster and the PostgreSQL server the Slurm tests run against: ./test (through
// .ci/services.sh) brings both up and names them in SUCCESSOR_TEST_SLURM and SUCCESSOR_TEST_POSTGRES; a test run
// without them brings them up itself with the same scripts. Only when that fails do the tests skip, with the
// scripts' last line as the reason.
using System.Diagnostics;

namespace Successor.Cli.Tests;

public static class ClusterServices
{
    public const string SlurmVariable = "SUCCESSOR_TEST_SLURM", PostgresVariable = "SUCCESSOR_TEST_POSTGRES";

    static readonly Lazy<(string? Partition, string? Postgres, string? Unavailable)> services = new(BringUp);

    /// <summary>The partition jobs go to.</summary>
    public static string Partition => services.Value.Partition!;

    /// <summary>The PostgreSQL server's connection string (each test makes a schema of its own).</summary>
    public static string Postgres => services.Value.Postgres!;

    /// <summary>Why the cluster or the server cannot be used here, or null.</summary>
    public static string? Unavailable => services.Value.Unavailable;

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Successor.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("no Successor.slnx above the tests");
        }
    }

    /// <summary>True when /etc/slurm/slurm.conf is the one .ci/slurm-up wrote (its first line says so).</summary>
    public static bool OwnCluster =>
        File.Exists("/etc/slurm/slurm.conf")
        && File.ReadLines("/etc/slurm/slurm.conf").FirstOrDefault() == "# written by successor .ci/slurm-up";

    /// <summary>Runs .ci/slurm-up again: it starts a slurmd a test killed and resumes the node.</summary>
    public static void RestartSlurmd()
    {
        var (exit, _, error) = Script("slurm-up");
        Assert.True(exit == 0, $".ci/slurm-up could not bring slurmd back: {error}");
    }

    static (string?, string?, string?) BringUp()
    {
        string? partition = Environment.GetEnvironmentVariable(SlurmVariable) is { Length: > 0 } p ? p : null;
        string? postgres = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;
        if (partition is null)
        {
            var (exit, stdout, stderr) = Script("slurm-up");
            if (exit != 0) return (null, null, $"Slurm could not come up (.ci/slurm-up exited {exit}): {stderr}");
            partition = stdout;
        }
        if (postgres is null)
        {
            var (exit, stdout, stderr) = Script("postgres.sh");
            if (exit != 0)
                return (null, null, $"PostgreSQL could not come up (.ci/postgres.sh exited {exit}): {stderr}");
            postgres = stdout;
        }
        return (partition, postgres, null);
    }

    /// <summary>Runs .ci/NAME; returns its exit code, its stdout's last line and its stderr's last line.</summary>
    static (int Exit, string Stdout, string Stderr) Script(string name)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, ".ci", name)])
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) { process.Kill(true); return (-1, "", $"{name} hung"); }
        static string Last(string text) => text.Split('\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        return (process.ExitCode, Last(stdout.Result), Last(stderr.Result));
    }
}
