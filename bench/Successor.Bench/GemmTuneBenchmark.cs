// `gemm-tune`: compares Gemm kernel/blocking candidates on the same shapes, interleaving their timed samples
// so that load from other processes on a shared machine falls on all candidates alike.
// Usage: gemm-tune CANDIDATE [CANDIDATE…] [--threads N] [--seconds S] [--filter TEXT]
// where CANDIDATE = kernel name, optionally with blocking: avx512-8x32:MC:KC:NC (0 keeps the default).
using System.Runtime.InteropServices;
using Successor.Tensors;
using Successor.Tensors.Fast;

namespace Successor.Bench;

public static unsafe class GemmTuneBenchmark
{
    public static int Run(string[] args)
    {
        var candidates = new List<GemmKernel>();
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
        Console.WriteLine($"{"shape",-22} " + string.Join(" ", candidates.Select((_, c) => $"{"#" + c,8}")));
        foreach (var s in GemmBenchmark.Shapes().Where(s => s.Name.Contains(filter, StringComparison.Ordinal)))
        {
            double[] med = Compare(s, candidates, seconds);
            for (int c = 0; c < med.Length; c++) gflops[c].Add(s.Flops / med[c] / 1e6);
            Console.WriteLine($"{s.Name,-22} " + string.Join(" ", med.Select(ms => $"{s.Flops / ms / 1e6,8:F1}")));
        }
        for (int c = 0; c < candidates.Count; c++)
            Console.WriteLine($"#{c} {candidates[c]}: " +
                $"geomean {GemmBenchmark.GeoMean(gflops[c].Select(x => (double?)x)):F1} GFLOP/s");
        return 0;
    }

    static GemmKernel Parse(string text)
    {
        string[] parts = text.Split(':');
        GemmKernel kern =
            GemmKernel.Supported().FirstOrDefault(x => x.Name == parts[0]) is { Name: not null } found ? found
            : throw new ArgumentException($"gemm-tune: unknown kernel {parts[0]}; " +
                $"this CPU supports {string.Join(", ", GemmKernel.Supported().Select(x => x.Name))}");
        int At(int i) => parts.Length > i ? int.Parse(parts[i]) : 0;
        if (At(1) > 0) kern = kern with { MC = At(1) };
        if (At(2) > 0) kern = kern with { KC = At(2) };
        if (At(3) > 0) kern = kern with { NC = At(3) };
        return kern;
    }

    /// <summary>Median ms per call for each candidate, sampling them in turn.</summary>
    static double[] Compare(GemmBenchmark.Shape s, List<GemmKernel> candidates, double seconds)
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
            return Timing.Interleaved(candidates.Select(k => (Action)(() => { Gemm.Kernel = k; Call(); })).ToList(),
                seconds)
                .Select(t => t.MedianMs).ToArray();
        }
        finally
        {
            NativeMemory.AlignedFree(a);
            NativeMemory.AlignedFree(b);
            NativeMemory.AlignedFree(c);
        }
    }
}
