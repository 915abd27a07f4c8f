// `gemm`: times Gemm.Multiply on the shapes the models use (and 1024³), against OpenBLAS where installed.
// Options: --threads N (default Parallelism.Threads), --json, --filter TEXT (shape names containing TEXT),
// --seconds S (time budget per shape and backend, default 0.6), --no-blas, --kernel NAME, --mc/--kc/--nc N (tuning).
// Each figure is the median (and fastest decile) of timed samples after a warm-up, ours and OpenBLAS's interleaved (see
// Timing).
// ours/blas is OpenBLAS's time over ours: above 1 means ours is faster. attn-* shapes run MultiplySerial (1 thread).
using System.Runtime.InteropServices;
using System.Text.Json;
using Successor.Tensors;
using Successor.Tensors.Fast;

namespace Successor.Bench;

public static unsafe class GemmBenchmark
{
    internal sealed record Shape(string Name, bool TransA, bool TransB, int M, int N, int K, int Lda, int Ldb,
        bool Accumulate, bool Serial)
    {
        public double Flops => 2.0 * M * N * K;
        public string Ops => (TransA ? "T" : "N") + (TransB ? "T" : "N");
    }

    sealed record Result(string Shape, string Ops, int M, int N, int K, int Threads, double OursMs, double OursGflops,
        double OursFastGflops, double? OpenBlasMs, double? OpenBlasGflops, double? OpenBlasFastGflops, double? Ratio);

    public static int Run(string[] args)
    {
        int threads = Parallelism.Threads;
        bool json = false, useBlas = true;
        string filter = "";
        double seconds = 0.6;
        GemmKernel kernel = Gemm.Kernel;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() =>
                i + 1 < args.Length ? args[++i] : throw new ArgumentException($"gemm: option {args[i]} needs a value");
            switch (args[i])
            {
                case "--threads": threads = int.Parse(Next()); break;
                case "--json": json = true; break;
                case "--no-blas": useBlas = false; break;
                case "--filter": filter = Next(); break;
                case "--seconds":
                    seconds = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--kernel":
                    string name = Next();
                    kernel =
                        GemmKernel.Supported().FirstOrDefault(x => x.Name == name) is { Name: not null } found ? found
                        : throw new ArgumentException($"gemm: unknown --kernel {name}; " +
                            $"this CPU supports {string.Join(", ", GemmKernel.Supported().Select(x => x.Name))}");
                    break;
                case "--mc": kernel = kernel with { MC = int.Parse(Next()) }; break;
                case "--kc": kernel = kernel with { KC = int.Parse(Next()) }; break;
                case "--nc": kernel = kernel with { NC = int.Parse(Next()) }; break;
                default: throw new ArgumentException($"gemm: unknown option {args[i]}; expected --threads, --json, " +
                    "--no-blas, --filter, --seconds, --kernel, --mc, --kc, --nc");
            }
        }
        Gemm.Kernel = kernel;
        Parallelism.Threads = threads;
        OpenBlas.SetThreads(threads);

        var results = new List<Result>();
        if (!json)
        {
            Console.WriteLine($"# gemm, kernel {kernel}, threads {threads}, " +
                $"OpenBLAS {(OpenBlas.IsAvailable ? $"found, core type {OpenBlas.CoreName}" : "not found")}");
            Console.WriteLine("# GFLOP/s: median (and fastest decile) of interleaved samples; " +
                "ours/blas = OpenBLAS time / ours");
            Console.WriteLine($"{"shape",-22} {"op",2} {"m",5} {"n",5} {"k",5} {"ours ms",8} {"ours GFLOP/s",15} " +
                $"{"blas ms",8} {"blas GFLOP/s",15} {"ours/blas",9}");
        }
        foreach (Shape s in Shapes().Where(s => s.Name.Contains(filter, StringComparison.Ordinal)))
        {
            Result r = Measure(s, threads, seconds, useBlas && OpenBlas.IsAvailable);
            results.Add(r);
            if (!json)
                Console.WriteLine($"{r.Shape,-22} {r.Ops,2} {r.M,5} {r.N,5} {r.K,5} {r.OursMs,8:F3} " +
                    $"{r.OursGflops,7:F1} ({r.OursFastGflops,5:F1}) " +
                    $"{Fmt(r.OpenBlasMs, "F3"),8} {Fmt(r.OpenBlasGflops, "F1"),7} " +
                        $"({Fmt(r.OpenBlasFastGflops, "F1"),5}) {Fmt(r.Ratio, "F2"),9}");
        }
        if (json)
        {
            var report = new { kernel = kernel.ToString(), threads, openBlasCore = OpenBlas.CoreName, results };
            Console.WriteLine(JsonSerializer.Serialize(report,
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            return 0;
        }
        Console.WriteLine($"kernel: {kernel.Name}");
        Console.WriteLine($"threads: {threads}");
        Console.WriteLine($"openblas_core: {OpenBlas.CoreName ?? "none"}");
        foreach (Result r in results.Where(r => r.Shape == "square-1024"))
            Console.WriteLine($"gemm_1024_gflops: {r.OursGflops:F1}");
        Console.WriteLine($"geomean_gflops: {Fmt(GeoMean(results.Select(r => (double?)r.OursGflops)), "F1")}");
        Console.WriteLine($"geomean_ratio_vs_openblas: {Fmt(GeoMean(results.Select(r => r.Ratio)), "F3")}");
        return 0;
    }

    internal static IEnumerable<Shape> Shapes()
    {
        yield return new Shape("square-1024", false, false, 1024, 1024, 1024, 1024, 1024, false, false);
        foreach (var (model, bt, c, layers) in new[]
        {
            ("small", 2048, 384, new[] { ("qkv", 384, 1152), ("proj", 384, 384), ("up", 384, 1536), ("down", 1536, 384),
                ("lmhead", 384, 256) }),
            ("baby", 768, 128, new[] { ("qkv", 128, 384), ("proj", 128, 128), ("up", 128, 512), ("down", 512, 128),
                ("lmhead", 128, 256) }),
        })
        {
            foreach (var (layer, inC, outC) in layers)
            {
                // llm.c conventions: inp (BT, IN), W (OUT, IN), out (BT, OUT).
                yield return new Shape($"{model}-{layer}-fwd", false, true, bt, outC, inC, inC, inC, false, false);
                yield return new Shape($"{model}-{layer}-dinp", false, false, bt, inC, outC, outC, inC, true, false);
                yield return new Shape($"{model}-{layer}-dW", true, false, outC, inC, bt, outC, inC, true, false);
            }
        }
        // One head of attention, T = 256, HS = 64; Q, K, V are slices of a (T, 3C) buffer with C = 384.
        const int T = 256, HS = 64, QKV = 3 * 384;
        yield return new Shape("attn-qk", false, true, T, T, HS, QKV, QKV, false, true);
        yield return new Shape("attn-pv", false, false, T, HS, T, T, QKV, false, true);
        yield return new Shape("attn-dv", true, false, T, HS, T, T, QKV, true, true);
    }

    static Result Measure(Shape s, int threads, double seconds, bool useBlas)
    {
        long aLen = (long)(s.TransA ? s.K : s.M) * s.Lda, bLen = (long)(s.TransB ? s.N : s.K) * s.Ldb,
            cLen = (long)s.M * s.N;
        float* a = Alloc(aLen, 1), b = Alloc(bLen, 2), c = Alloc(cLen, 3);
        try
        {
            void Ours()
            {
                if (s.Serial)
                    Gemm.MultiplySerial(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, s.Accumulate);
                else Gemm.Multiply(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, s.Accumulate);
            }
            void Blas() =>
                OpenBlas.Multiply(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, s.Accumulate);

            // OpenBLAS gets the same thread count, and one thread where ours runs serially.
            OpenBlas.SetThreads(s.Serial ? 1 : threads);
            var t = Timing.Interleaved(useBlas ? [Ours, Blas] : [Ours], seconds);
            double Gflops(double ms) => s.Flops / ms / 1e6;
            double ours = t[0].MedianMs;
            double? blas = useBlas ? t[1].MedianMs : null;
            return new Result(s.Name, s.Ops, s.M, s.N, s.K, s.Serial ? 1 : threads, ours, Gflops(ours),
                Gflops(t[0].FastMs),
                blas, useBlas ? Gflops(t[1].MedianMs) : null, useBlas ? Gflops(t[1].FastMs) : null, blas / ours);
        }
        finally
        {
            NativeMemory.AlignedFree(a);
            NativeMemory.AlignedFree(b);
            NativeMemory.AlignedFree(c);
        }
    }

    internal static float* Alloc(long n, int seed)
    {
        float* p = (float*)NativeMemory.AlignedAlloc((nuint)(Math.Max(n, 1) * sizeof(float)), 64);
        var rng = new Random(seed);
        for (long i = 0; i < n; i++) p[i] = (float)(rng.NextDouble() * 2 - 1);
        return p;
    }

    internal static double? GeoMean(IEnumerable<double?> xs)
    {
        var v = xs.OfType<double>().ToList();
        return v.Count == 0 ? null : Math.Exp(v.Average(Math.Log));
    }

    static string Fmt(double? x, string format) =>
        x is double d ? d.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "-";
}
