// `machine`: the CPU, its caches and its measured FMA peak at every vector width it has, on 1 and all threads.
// Options: --seconds S per measurement (default 0.5).
using System.Globalization;
using Successor.Tensors.Machine;

namespace Successor.Bench;

public static class MachineBenchmark
{
    public static int Run(string[] args)
    {
        int at = Array.IndexOf(args, "--seconds");
        double seconds = at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture)
            : 0.5;
        int all = Environment.ProcessorCount;
        Console.WriteLine($"cpu: {Cpu.ModelName}");
        Console.WriteLine($"caches: {CacheSizes.OfThisMachine}");
        Console.WriteLine($"engine_vector_bits: {Cpu.VectorBits}");
        foreach (int bits in new[] { 512, 256, 128 }.Where(FmaProbe.Supports))
        {
            double one = FmaProbe.Measure(bits, 1, seconds), many = FmaProbe.Measure(bits, all, seconds);
            Console.WriteLine($"fma{bits}_gflops_1_thread: {one:F1}");
            Console.WriteLine($"fma{bits}_gflops_{all}_threads: {many:F1}");
        }
        return 0;
    }
}
