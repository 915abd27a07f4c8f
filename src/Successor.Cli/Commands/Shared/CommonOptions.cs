// Options several commands share, and the kernels they run on.
using Successor.Data.Contamination;
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

    public static Option<ulong> Seed(string description, ulong seed = 1) => new("--seed")
        { Description = description, DefaultValueFactory = _ => seed };

    public static Option<string> Checkpoint() => new("--checkpoint")
        { Description = "A model.safetensors file or its folder", Required = true };

    public static Option<int?> Steps() => new("--steps") { Description = "Optimizer steps (overrides the recipe)" };

    /// <summary>--out: where a training run saves its checkpoint.</summary>
    public static Option<string> CheckpointFolder() => new("--out")
        { Description = "Checkpoint folder", DefaultValueFactory = _ => "out" };

    /// <summary>--against: the split whose evaluation data the training data (named by `data`, e.g. "--data")
    /// must not overlap.</summary>
    public static Option<string?> Against(string data) => new("--against")
        { Description = $"Split folder whose validation set and sealed holdout {data} must not overlap" };

    /// <summary>--contamination-threshold: the share of `data`'s documents that may overlap --against's validation
    /// set; any overlap with its sealed holdout is refused whatever this says.</summary>
    public static Option<double> ContaminationThreshold(string data) => new("--contamination-threshold")
    {
        Description = $"Largest allowed share of {data} documents that overlap the validation set "
            + "(any overlap with the sealed holdout is refused)",
        DefaultValueFactory = _ => ContaminationGuard.DefaultThreshold,
    };

    public static Option<int> LogInterval(int every) => new("--log-interval")
        { Description = "Print a line every N steps", DefaultValueFactory = _ => every };

    /// <summary>Applies --threads and returns the fast kernels.</summary>
    public static IKernels Kernels(int threads)
    {
        if (threads < 1) throw new UsageException($"--threads is {threads}; it must be at least 1");
        Parallelism.Threads = threads;
        return new FastKernels();
    }
}
