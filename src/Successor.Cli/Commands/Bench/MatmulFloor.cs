// The matmul floor of a training step: every matmul of the step (StepMatmul.Of) timed on its own, ours (Gemm) and
// OpenBLAS's cblas_sgemm alternately, so load from other processes falls on both alike; each is the median of
// its samples. Summed over the step, OpenBLAS's time is the floor: the step cannot be faster than its matmuls at
// OpenBLAS's speed. OpenBLAS is timed on all threads and on one; one thread's time divided by the thread count
// (perfect scaling) is the floor where it is lower, as on a busy machine, where OpenBLAS's spinning threads
// wait on each other. Ours is timed and counted the same way, so the two compare like for like. Attention's
// per-head products run one thread each with the heads spread over the threads, so their time is counted as
// (one call's time × count ÷ threads).
using System.Diagnostics;
using System.Runtime.InteropServices;
using Successor.Tensors.Fast;

namespace Successor.Cli.Commands.Bench;

public static unsafe class MatmulFloor
{
    /// <summary>Per step, in ms: the time of our matmuls and (when OpenBLAS is installed) of OpenBLAS's.</summary>
    public sealed record Result(double OursMs, double? OpenBlasMs, double? OpenBlasThreadedMs,
        double? OpenBlasScaledMs, double Flops);

    public static Result Measure(IReadOnlyList<StepMatmul> matmuls, int threads, double secondsPerShape)
    {
        bool blas = OpenBlas.IsAvailable;
        double ours = 0, threaded = 0, scaled = 0, floor = 0, flops = 0;
        foreach (StepMatmul s in matmuls)
        {
            var (oursMs, oursOneMs, blasMs, blasOneMs) = Time(s, threads, blas, secondsPerShape);
            double perStep = s.Count * s.Share / (s.PerHead ? threads : 1);
            ours += Math.Min(oursMs, oursOneMs / (s.PerHead ? 1 : threads)) * perStep;
            threaded += blasMs * perStep;
            scaled += blasOneMs * perStep / (s.PerHead ? 1 : threads);
            floor += Math.Min(blasMs, blasOneMs / (s.PerHead ? 1 : threads)) * perStep;
            flops += s.FlopsPerStep;
        }
        OpenBlas.SetThreads(threads);
        return blas ? new Result(ours, floor, threaded, scaled, flops) : new Result(ours, null, null, null, flops);
    }

    static (double Ours, double OursOne, double Blas, double BlasOne) Time(StepMatmul s, int threads, bool blas,
        double seconds)
    {
        long aLen = (long)(s.TransA ? s.K : s.M) * s.Lda, bLen = (long)(s.TransB ? s.N : s.K) * s.Ldb;
        float* a = Random(aLen, 1), b = Random(bLen, 2), c = Random((long)s.M * s.N, 3);
        try
        {
            Action ours = s.PerHead
                ? () => Gemm.MultiplySerial(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, false)
                : () => Gemm.Multiply(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, false);
            Action oursOne = () =>
                Gemm.MultiplySerial(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, false);
            Action Theirs(int t) => () =>
            {
                OpenBlas.SetThreads(t);
                OpenBlas.Multiply(s.TransA, s.TransB, s.M, s.N, s.K, a, s.Lda, b, s.Ldb, c, s.N, false);
            };
            if (s.PerHead || threads == 1)
            {
                double[] one = MedianMs(blas ? [ours, Theirs(1)] : [ours], seconds);
                return (one[0], one[0], blas ? one[1] : double.NaN, blas ? one[1] : double.NaN);
            }
            double[] ms = MedianMs(blas ? [ours, oursOne, Theirs(threads), Theirs(1)] : [ours, oursOne], seconds);
            return (ms[0], ms[1], blas ? ms[2] : double.NaN, blas ? ms[3] : double.NaN);
        }
        finally
        {
            NativeMemory.AlignedFree(a);
            NativeMemory.AlignedFree(b);
            NativeMemory.AlignedFree(c);
        }
    }

    /// <summary>Median ms per call of each contender: a warm-up, then samples in turn (each a batch of calls
    /// lasting about a millisecond) until `seconds` are spent and there are 7 samples each, or ten times
    /// `seconds` are spent (a machine so loaded that calls take a hundred times longer than at warm-up).</summary>
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
        while ((samples[0].Count < 7 || clock.Elapsed.TotalSeconds < seconds)
            && (samples[0].Count == 0 || clock.Elapsed.TotalSeconds < 10 * seconds))
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
