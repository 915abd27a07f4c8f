// Timing for the benchmarks on a shared, noisy machine: the contenders' samples are interleaved, so load from
// other processes falls on all of them alike, and each figure is a median.
using System.Diagnostics;

namespace Successor.Bench;

public static class Timing
{
    /// <summary>The first measurement of a process warms up this long: the JIT's later tiers replace a method's
    /// first code only after some 100 ms of calls and a background compile, so a shorter warm-up times the first
    /// shapes of a run at about half their speed.</summary>
    const double FirstWarmUpSeconds = 2.0;

    static bool warmedUp;

    /// <summary>Ms per call of each contender, as the median and the fastest decile of its samples: warm up all
    /// (≥ 3 calls each, ≥ a quarter of the budget, and ≥ 2 s the first time in a process), then take samples in
    /// turn, each a batch of calls lasting ≥ 2 ms, until the budget is spent (≥ 10 each). The fast decile shows
    /// what the code does when the machine is quiet; the median what it did under the load at the time.</summary>
    public static (double MedianMs, double FastMs)[] Interleaved(IReadOnlyList<Action> calls, double seconds)
    {
        var sw = Stopwatch.StartNew();
        var oneMs = new double[calls.Count];
        double warmUp = warmedUp ? seconds / 4 : Math.Max(seconds / 4, FirstWarmUpSeconds);
        warmedUp = true;
        for (int round = 0; round < 3 || sw.Elapsed.TotalSeconds < warmUp; round++)
            for (int c = 0; c < calls.Count; c++)
            {
                long t0 = Stopwatch.GetTimestamp();
                calls[c]();
                oneMs[c] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        int[] batch = oneMs.Select(ms => Math.Max(1, (int)Math.Ceiling(2.0 / Math.Max(ms, 1e-6)))).ToArray();
        var samples = calls.Select(_ => new List<double>()).ToList();
        sw.Restart();
        while (samples[0].Count < 10 || (sw.Elapsed.TotalSeconds < seconds && samples[0].Count < 500))
            for (int c = 0; c < calls.Count; c++)
            {
                long t0 = Stopwatch.GetTimestamp();
                for (int i = 0; i < batch[c]; i++) calls[c]();
                samples[c].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds / batch[c]);
            }
        return samples.Select(s =>
        {
            var sorted = s.Order().ToList();
            return (sorted[sorted.Count / 2], sorted[sorted.Count / 10]);
        }).ToArray();
    }
}
