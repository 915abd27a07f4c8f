// Watches a running worker for what the kernel's limits do not report: its whole process tree's memory and
// task count, its decoys, the system calls its filter refused, and the volume of its output. Checked every
// few hundred milliseconds while it runs and once after it ends; the first verdict stops it.
using System.Diagnostics;

namespace Successor.Lab.Sandbox;

public sealed class WorkerWatch(Process process, SandboxLimits limits, Tripwire? tripwire,
    CappedOutput stdout, CappedOutput stderr, SyscallGuard? guard = null)
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    /// <summary>A verdict on the running worker, or null while it keeps within bounds.</summary>
    public WorkerVerdict? Check()
    {
        if (Tripped() is { } trip) return trip;
        if (Refused() is { } call) return call;
        if (Flood() is { } flood) return flood;
        if (tripwire is null) return null; // unsandboxed: no limits to watch
        var tree = ProcessTree.Of(process.Id);
        // The process count first: a tree at its process limit is a fork bomb, whatever memory its many
        // processes hold together by the time it is sampled.
        if (tree.Tasks >= limits.Processes)
            return new(WorkerVerdict.ProcessLimit, $"killed at {tree.Tasks} tasks in {tree.Processes} process(es), "
                + $"the sandbox's process limit is {limits.Processes}");
        if (tree.ResidentBytes > limits.MemoryBytes)
            return new(WorkerVerdict.MemoryLimit, $"killed at {tree.ResidentBytes >> 20} MiB resident in "
                + $"{tree.Processes} process(es), past the sandbox's memory limit of {limits.MemoryBytes >> 20} MiB");
        return null;
    }

    /// <summary>A verdict on the ended worker: a decoy it touched, a flood, a limit its exit code names.
    /// </summary>
    public WorkerVerdict? AfterExit(int exitCode) =>
        Tripped() ?? Refused() ?? Flood() ?? (tripwire is null ? null : WorkerVerdict.OfExitCode(exitCode, limits));

    WorkerVerdict? Tripped() => tripwire?.Tripped() is { Count: > 0 } paths
        ? new(WorkerVerdict.ForbiddenAccess, $"opened the forbidden {string.Join(", ", paths)} (a decoy inside its "
            + "sandbox; nothing was read)")
        : null;

    WorkerVerdict? Refused() => guard?.Refused is { Count: > 0 } calls
        ? new(WorkerVerdict.ForbiddenSyscall, $"{string.Join("; ", calls)} (refused by its sandbox's system-call "
            + "filter)")
        : null;

    WorkerVerdict? Flood() => stdout.Bytes + stderr.Bytes > limits.OutputBytes
        ? new(WorkerVerdict.OutputFlood, $"wrote {(stdout.Bytes + stderr.Bytes) >> 20} MiB to stdout and stderr, "
            + $"past the limit of {limits.OutputBytes >> 20} MiB")
        : null;
}
