// The machine's measured fp32 peak: a loop of fused multiply-adds on registers only (no loads or stores), at a
// given vector width, on one thread or on several at once. Twelve independent accumulator chains cover the FMA
// latency of every current x86 core (4 cycles × 2 pipes = 8 chains needed), so the loop runs at the FMA units'
// throughput. Each chain computes x = x·m + c with m just below 1, so values stay finite and normal forever.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Successor.Tensors.Machine;

public static class FmaProbe
{
    const int Chains = 12;
    // About 0.4 ms per batch at 512 bits on a 4 GHz core: long beside a barrier's cost, short beside a time slice.
    const long IterationsPerBatch = 1 << 18;

    /// <summary>True when this CPU runs fused multiply-adds at the given width (512, 256 or 128 bits).</summary>
    public static bool Supports(int bits) => bits switch
    {
        512 => Avx512F.IsSupported && Vector512.IsHardwareAccelerated,
        256 => Fma.IsSupported && Vector256.IsHardwareAccelerated,
        128 => Fma.IsSupported,
        _ => false,
    };

    /// <summary>GFLOP/s of all threads together (each FMA lane counts 2 FLOPs). The threads run the loop in rounds
    /// for about `seconds`, starting each round together; a round lasts as long as its slowest thread, and the
    /// figure is the best round's. So a moment of preemption by other work does not lower it, and threads that
    /// share a core (SMT) are not counted twice: they only reach the figure by running at the same time.</summary>
    public static double Measure(int bits, int threads, double seconds)
    {
        if (!Supports(bits))
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"this CPU has no {bits}-bit FMA");
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var times = new List<double>[threads];
        var clock = Stopwatch.StartNew();
        bool stop = false;
        // The decision to stop is taken once per round, by the barrier when every thread has arrived, so no thread
        // can read a later round's decision (a thread descheduled between the barrier and the read would). There
        // is always at least one round, however long the threads took to start.
        using var round = new Barrier(threads,
            b => stop = b.CurrentPhaseNumber > 0 && clock.Elapsed.TotalSeconds >= seconds);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var mine = times[t] = [];
            double sink = 0;
            while (true)
            {
                round.SignalAndWait();
                if (stop) break;
                long t0 = Stopwatch.GetTimestamp();
                sink += Batch(bits);
                mine.Add(Stopwatch.GetElapsedTime(t0).TotalSeconds);
            }
            // The sum is finite by construction; testing it keeps the loops' results alive.
            if (!double.IsFinite(sink)) mine.Clear();
        }) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        int rounds = times.Min(x => x.Count);
        if (rounds == 0) return 0;
        double fastest = Enumerable.Range(0, rounds).Min(r => times.Max(x => x[r]));
        return threads * 2.0 * (bits / 32) * Chains * IterationsPerBatch / fastest / 1e9;
    }

    static float Batch(int bits) => bits switch
    {
        512 => Loop512(IterationsPerBatch),
        256 => Loop256(IterationsPerBatch),
        _ => Loop128(IterationsPerBatch),
    };

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    static float Loop512(long iterations)
    {
        Vector512<float> m = Vector512.Create(0.999999f), c = Vector512.Create(1e-6f);
        Vector512<float> x0 = Vector512.Create(0.1f), x1 = x0 + c, x2 = x1 + c, x3 = x2 + c, x4 = x3 + c;
        Vector512<float> x5 = x4 + c, x6 = x5 + c, x7 = x6 + c, x8 = x7 + c, x9 = x8 + c, x10 = x9 + c, x11 = x10 + c;
        for (long i = 0; i < iterations; i++)
        {
            x0 = Avx512F.FusedMultiplyAdd(x0, m, c); x1 = Avx512F.FusedMultiplyAdd(x1, m, c);
            x2 = Avx512F.FusedMultiplyAdd(x2, m, c); x3 = Avx512F.FusedMultiplyAdd(x3, m, c);
            x4 = Avx512F.FusedMultiplyAdd(x4, m, c); x5 = Avx512F.FusedMultiplyAdd(x5, m, c);
            x6 = Avx512F.FusedMultiplyAdd(x6, m, c); x7 = Avx512F.FusedMultiplyAdd(x7, m, c);
            x8 = Avx512F.FusedMultiplyAdd(x8, m, c); x9 = Avx512F.FusedMultiplyAdd(x9, m, c);
            x10 = Avx512F.FusedMultiplyAdd(x10, m, c); x11 = Avx512F.FusedMultiplyAdd(x11, m, c);
        }
        return Vector512.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    static float Loop256(long iterations)
    {
        Vector256<float> m = Vector256.Create(0.999999f), c = Vector256.Create(1e-6f);
        Vector256<float> x0 = Vector256.Create(0.1f), x1 = x0 + c, x2 = x1 + c, x3 = x2 + c, x4 = x3 + c;
        Vector256<float> x5 = x4 + c, x6 = x5 + c, x7 = x6 + c, x8 = x7 + c, x9 = x8 + c, x10 = x9 + c, x11 = x10 + c;
        for (long i = 0; i < iterations; i++)
        {
            x0 = Fma.MultiplyAdd(x0, m, c); x1 = Fma.MultiplyAdd(x1, m, c);
            x2 = Fma.MultiplyAdd(x2, m, c); x3 = Fma.MultiplyAdd(x3, m, c);
            x4 = Fma.MultiplyAdd(x4, m, c); x5 = Fma.MultiplyAdd(x5, m, c);
            x6 = Fma.MultiplyAdd(x6, m, c); x7 = Fma.MultiplyAdd(x7, m, c);
            x8 = Fma.MultiplyAdd(x8, m, c); x9 = Fma.MultiplyAdd(x9, m, c);
            x10 = Fma.MultiplyAdd(x10, m, c); x11 = Fma.MultiplyAdd(x11, m, c);
        }
        return Vector256.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    static float Loop128(long iterations)
    {
        Vector128<float> m = Vector128.Create(0.999999f), c = Vector128.Create(1e-6f);
        Vector128<float> x0 = Vector128.Create(0.1f), x1 = x0 + c, x2 = x1 + c, x3 = x2 + c, x4 = x3 + c;
        Vector128<float> x5 = x4 + c, x6 = x5 + c, x7 = x6 + c, x8 = x7 + c, x9 = x8 + c, x10 = x9 + c, x11 = x10 + c;
        for (long i = 0; i < iterations; i++)
        {
            x0 = Fma.MultiplyAdd(x0, m, c); x1 = Fma.MultiplyAdd(x1, m, c);
            x2 = Fma.MultiplyAdd(x2, m, c); x3 = Fma.MultiplyAdd(x3, m, c);
            x4 = Fma.MultiplyAdd(x4, m, c); x5 = Fma.MultiplyAdd(x5, m, c);
            x6 = Fma.MultiplyAdd(x6, m, c); x7 = Fma.MultiplyAdd(x7, m, c);
            x8 = Fma.MultiplyAdd(x8, m, c); x9 = Fma.MultiplyAdd(x9, m, c);
            x10 = Fma.MultiplyAdd(x10, m, c); x11 = Fma.MultiplyAdd(x11, m, c);
        }
        return Vector128.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }
}
