// What a sandboxed worker may consume. The kernel enforces each limit inside the sandbox (rlimits set by
// prlimit); the lab watches the whole process tree as well, because an rlimit counts one process at a
// time and says nothing to the lab when it bites.
namespace Successor.Lab.Sandbox;

/// <summary>MemoryBytes bounds the resident memory of the worker's whole process tree (watched by the lab);
/// AddressSpaceBytes is each process's RLIMIT_AS, a backstop against one allocation faster than the watch.
/// .NET reserves address space by the gigabyte, so the GC is given a hard heap limit below it.</summary>
public sealed record SandboxLimits
{
    public long MemoryBytes { get; init; } = 4L << 30;
    public long AddressSpaceBytes { get; init; } = 16L << 30;
    /// <summary>Tasks (processes and threads) of the sandbox's user: RLIMIT_NPROC and the lab's watch.</summary>
    public int Processes { get; init; } = 512;
    public long CpuSeconds { get; init; } = 3600;
    public long FileSizeBytes { get; init; } = 2L << 30;
    public int OpenFiles { get; init; } = 1024;
    /// <summary>Bytes of stdout and stderr together; past it the worker is killed as an output flood.</summary>
    public long OutputBytes { get; init; } = 16L << 20;

    /// <summary>The limits of a trial: CPU time is the wall budget on every thread the trial may use, plus a
    /// minute for starting up, so only a worker that outspends its threads meets it before its wall budget.
    /// </summary>
    public static SandboxLimits ForTrial(TimeSpan budget, int threads) => new()
    {
        CpuSeconds = (long)Math.Ceiling(budget.TotalSeconds * Math.Max(1, threads)) + 60,
    };

    /// <summary>The GC's hard heap limit: three quarters of the address space, the rest for code and stacks.
    /// </summary>
    public long GcHeapHardLimit => AddressSpaceBytes / 4 * 3;
}
