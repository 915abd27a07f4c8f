// The matmul floor of a training step: every matmul of the step (StepMatmul.Of) timed on its own, ours (Gemm) and
// OpenBLAS's cblas_sgemm alternately, so load from other processes falls on both alike; each is the median of
// its samples. Summed over the step, OpenBLAS's time is the floor: the step cannot be faster than its matmuls at
// OpenBLAS's speed. Attention's per-head products run one thread each with the heads spread over the threads,
// so their time is counted as (one call's time × count ÷ threads).
using System.Diagnostics;
using System.Runtime.InteropServices;
using Successor.Tensors.Fast;

namespace Successor.Cli.Commands.Bench;

public static unsafe class MatmulFloor
{
    /// <summary>Per step, in ms: the time of our matmuls and (when OpenBLAS is installed) of OpenBLAS's.</summary>
    public sealed record Result(double OursMs, double? OpenBlasMs, double Flops);

    public static Result Measure(IReadOnlyList<StepMatmul> matmuls, int threads, double secondsPerShape)
    {
        bool blas = OpenBlas.IsAvailable;
        double ours = 0, theirs = 0, flops = 0;
        foreach (StepMatmul s in matmuls)
        {
            var (oursMs, blasMs) = Time(s, threads, blas, secondsPerShape);
            double perStep = s.Count * s.Share / (s.PerHead ? threads : 1);
            ours += oursMs * perStep;
            theirs += blasMs * perStep;
            flops += s.FlopsPerStep;
        }
        OpenBlas.SetThreads(threads);
        return new Result(ours, blas ? theirs : null, flops);
    }

    static (double Ours, double Blas) Time(StepMatmul s, int threads, bool blas, double seconds)
    {
        long aLen = (long)(s.TransA ? s.K : s.M) * s.Lda, bLen = (long)(s.TransB ? s.N : s.K) * s.Ldb;
        float* a = Random(aLen, 1), b = Random(bLen, 2), c = Random((long)s.M * s.N, 3);
        try
        {
            Action ours = s.PerHead
                ? () => Gemm.MultiplySerial(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, false)
                : () => Gemm.Multiply(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, false);
            OpenBlas.SetThreads(s.PerHead ? 1 : threads);
            Action theirs = () => OpenBlas.Multiply(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N,
                false);
            double[] ms = MedianMs(blas ? [ours, theirs] : [ours], seconds);
            return (ms[0], blas ? ms[1] : double.NaN);
        }
        finally
        {
            NativeMemory.AlignedFree(a);
            NativeMemory.AlignedFree(b);
            NativeMemory.AlignedFree(c);
        }
    }

    /// <summary>Median ms per call of each contender: a warm-up, then samples in turn (each a batch of calls
    /// lasting about a millisecond) until `seconds` are spent, at least 7 samples each.</summary>
    static double[] MedianMs(Action[] calls, double seconds)
    {
        var batch = new int[calls.Length];
        for (int c = 0; c < calls.Length; c++)
        {
            calls[c]();
            long t0 = Stopwatch.GetTimestamp();
            calls[c]();
            batch[c] = Math.Max(1, (int)(1.0 / Math.Max(Stopwatch.GetElapsedTime(t0).TotalMilliseconds, 1e-3)));
        }
        var samples = calls.Select(_ => new List<double>()).ToArray();
        var clock = Stopwatch.StartNew();
        while (samples[0].Count < 7 || clock.Elapsed.TotalSeconds < seconds)
            for (int c = 0; c < calls.Length; c++)
            {
                long t0 = Stopwatch.GetTimestamp();
                for (int i = 0; i < batch[c]; i++) calls[c]();
                samples[c].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds / batch[c]);
            }
        return samples.Select(s => s.Order().ElementAt(s.Count / 2)).ToArray();
    }

    static float* Random(long n, int seed)
    {
        float* p = (float*)NativeMemory.AlignedAlloc((nuint)(Math.Max(n, 1) * sizeof(float)), 64);
        var rng = new Random(seed);
        for (long i = 0; i < n; i++) p[i] = (float)(rng.NextDouble() * 2 - 1);
        return p;
    }
}
