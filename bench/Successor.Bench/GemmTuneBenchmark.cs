// `gemm-tune`: compares Gemm kernel/blocking candidates on the same shapes, interleaving their timed samples
// so that load from other processes on a shared machine falls on all candidates alike.
// Usage: gemm-tune CANDIDATE [CANDIDATE…] [--threads N] [--seconds S] [--filter TEXT]
// where CANDIDATE = kernel name, optionally with blocking: avx512-8x32:MC:KC:NC (0 keeps the default), and
// :bands at the end for the earlier threading (one band of C per thread, each packing its own panels).
using System.Runtime.InteropServices;
using Successor.Tensors;
using Successor.Tensors.Fast;

namespace Successor.Bench;

public static unsafe class GemmTuneBenchmark
{
    public static int Run(string[] args)
    {
        var candidates = new List<(GemmKernel Kernel, bool Shared)>();
        int threads = Parallelism.Threads;
        double seconds = 1.0;
        string filter = "";
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i]
                : throw new ArgumentException($"gemm-tune: option {args[i]} needs a value");
            switch (args[i])
            {
                case "--threads": threads = int.Parse(Next()); break;
                case "--seconds":
                    seconds = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--filter": filter = Next(); break;
                default: candidates.Add(Parse(args[i])); break;
            }
        }
        if (candidates.Count == 0) throw new ArgumentException("gemm-tune: name at least one candidate kernel");
        Parallelism.Threads = threads;
        var gflops = candidates.Select(_ => new List<double>()).ToList();
        var fastGflops = candidates.Select(_ => new List<double>()).ToList();
        Console.WriteLine($"{"shape",-22} " + string.Join(" ", candidates.Select((_, c) => $"{"#" + c,15}")));
        Console.WriteLine("# GFLOP/s: median (fastest decile) of interleaved samples");
        foreach (var s in GemmBenchmark.Shapes().Where(s => s.Name.Contains(filter, StringComparison.Ordinal)))
        {
            var t = Compare(s, candidates, seconds);
            for (int c = 0; c < t.Length; c++)
            {
                gflops[c].Add(s.Flops / t[c].MedianMs / 1e6);
                fastGflops[c].Add(s.Flops / t[c].FastMs / 1e6);
            }
            Console.WriteLine($"{s.Name,-22} " + string.Join(" ",
                t.Select(x => $"{s.Flops / x.MedianMs / 1e6,7:F1} ({s.Flops / x.FastMs / 1e6,5:F1})")));
        }
        for (int c = 0; c < candidates.Count; c++)
            Console.WriteLine($"#{c} {candidates[c].Kernel}{(candidates[c].Shared ? "" : " in bands")}: " +
                $"geomean {GemmBenchmark.GeoMean(gflops[c].Select(x => (double?)x)):F1} GFLOP/s median, " +
                $"{GemmBenchmark.GeoMean(fastGflops[c].Select(x => (double?)x)):F1} fastest decile");
        return 0;
    }

    static (GemmKernel, bool) Parse(string text)
    {
        bool shared = !text.EndsWith(":bands", StringComparison.Ordinal);
        string[] parts = (shared ? text : text[..^":bands".Length]).Split(':');
        GemmKernel kern =
            GemmKernel.Supported().FirstOrDefault(x => x.Name == parts[0]) is { Name: not null } found ? found
            : throw new ArgumentException($"gemm-tune: unknown kernel {parts[0]}; " +
                $"this CPU supports {string.Join(", ", GemmKernel.Supported().Select(x => x.Name))}");
        int At(int i) => parts.Length > i ? int.Parse(parts[i]) : 0;
        if (At(1) > 0) kern = kern with { MC = At(1) };
        if (At(2) > 0) kern = kern with { KC = At(2) };
        if (At(3) > 0) kern = kern with { NC = At(3) };
        return (kern, shared);
    }

    /// <summary>Median and fastest-decile ms per call for each candidate, sampling them in turn.</summary>
    static (double MedianMs, double FastMs)[] Compare(GemmBenchmark.Shape s,
        List<(GemmKernel Kernel, bool Shared)> candidates, double seconds)
    {
        long aLen = (long)(s.TransA ? s.K : s.M) * s.Lda, bLen = (long)(s.TransB ? s.N : s.K) * s.Ldb;
        float* a = GemmBenchmark.Alloc(aLen, 1), b = GemmBenchmark.Alloc(bLen, 2),
            c = GemmBenchmark.Alloc((long)s.M * s.N, 3);
        try
        {
            void Call()
            {
                if (s.Serial)
                    Gemm.MultiplySerial(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, s.Accumulate);
                else Gemm.Multiply(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, s.Accumulate);
            }
            return Timing.Interleaved(candidates.Select(k => (Action)(() =>
                {
                    (Gemm.Kernel, Gemm.SharedPacking) = k;
                    Call();
                })).ToList(),
                seconds);
        }
        finally
        {
            NativeMemory.AlignedFree(a);
            NativeMemory.AlignedFree(b);
            NativeMemory.AlignedFree(c);
        }
    }
}
