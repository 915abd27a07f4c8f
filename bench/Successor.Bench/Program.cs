// Benchmarks of the engine's kernels, one verb each: `dotnet run -c Release --project bench/Successor.Bench -- VERB
// [options]`.
// Exit codes: 0 = ran, 2 = unknown verb or bad option.
using Successor.Bench;

var verbs = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["gemm"] = GemmBenchmark.Run,
    ["gemm-tune"] = GemmTuneBenchmark.Run,
    ["kernels"] = KernelBenchmark.Run,
    ["machine"] = MachineBenchmark.Run,
    ["median-ci"] = MedianCi.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    Console.Error.WriteLine($"usage: Successor.Bench VERB [options]; VERB is one of: {string.Join(", ", verbs.Keys)}");
    return 2;
}
try
{
    return verb(args[1..]);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
