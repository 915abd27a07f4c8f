// Options several commands share, and the kernels they run on.
using System.CommandLine;
using Successor.Tensors;
using Successor.Tensors.Fast;

namespace Successor.Cli.Commands.Shared;

public static class CommonOptions
{
    public static Option<int> Threads() => new("--threads")
    {
        Description = "Worker threads for the kernels (results are identical for any count)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON output" };

    /// <summary>Applies --threads and returns the fast kernels.</summary>
    public static IKernels Kernels(int threads)
    {
        if (threads < 1) throw new UsageException($"--threads is {threads}; it must be at least 1");
        Parallelism.Threads = threads;
        return new FastKernels();
    }
}
