// Why the lab stopped a worker, or what it found after the worker ended: the trial's status and an incident
// of that kind. Resource limits are warnings (an honest recipe can outgrow them; the trial just fails);
// reaching for a forbidden file is critical (an honest worker never does), so its candidate fails closed.
using Successor.Safety.Incidents;

namespace Successor.Lab.Sandbox;

public sealed record WorkerVerdict(string Status, string Detail)
{
    public const string ForbiddenAccess = "forbidden-access",
        ForbiddenSyscall = "forbidden-syscall", SpecialFile = "special-file",
        MemoryLimit = "memory-limit", ProcessLimit = "process-limit", CpuLimit = "cpu-limit",
        FileSizeLimit = "file-size-limit", OutputFlood = "output-flood";

    /// <summary>The severity of the incident a trial of this status raises, or null for none.</summary>
    public static Severity? SeverityOf(string status) => status switch
    {
        ForbiddenAccess or ForbiddenSyscall or SpecialFile => Severity.Critical,
        MemoryLimit or ProcessLimit or CpuLimit or FileSizeLimit or OutputFlood => Severity.Warning,
        _ => null,
    };

    /// <summary>What a worker's exit code says about a limit the kernel enforced: bubblewrap reports a child
    /// killed by signal N as 128 + N.</summary>
    public static WorkerVerdict? OfExitCode(int code, SandboxLimits limits) => code switch
    {
        128 + 24 => new(CpuLimit, $"killed by SIGXCPU at the sandbox's CPU limit of {limits.CpuSeconds} s"),
        128 + 25 => new(FileSizeLimit, "killed by SIGXFSZ writing past the sandbox's file size limit of "
            + $"{limits.FileSizeBytes >> 20} MiB"),
        _ => null,
    };
}
