// Flags a worker whose training throughput (tokens per second) has collapsed: the median of the last
// k samples against the median of all earlier ones. Medians, so that one slow step (a checkpoint
// write, a garbage collection) neither raises nor hides the alarm.

namespace Successor.Safety.Monitors;

public static class ThroughputDrop
{
    public const int DefaultRecent = 5;
    public const double DefaultFraction = 0.5;

    public static ThroughputDropResult Check(IReadOnlyList<double> tokensPerSecond, int recent = DefaultRecent,
        double fraction = DefaultFraction)
    {
        if (recent < 1)
            throw new ArgumentOutOfRangeException(nameof(recent), recent, "recent must be at least 1 sample, e.g. 5");
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be in (0, 1], e.g. 0.5");
        if (tokensPerSecond.Count <= recent)
            throw new ArgumentException(
                $"throughput drop: {tokensPerSecond.Count} samples; " +
                $"comparing the last {recent} needs at least {recent + 1}",
                nameof(tokensPerSecond));
        RobustStatistics.RequireFinite(tokensPerSecond, "throughput drop");
        for (int i = 0; i < tokensPerSecond.Count; i++)
            if (tokensPerSecond[i] < 0)
                throw new ArgumentException(
                    $"throughput drop: sample {i} is {tokensPerSecond[i]} tokens/s; throughput cannot be negative",
                    nameof(tokensPerSecond));

        int split = tokensPerSecond.Count - recent;
        double earlier = RobustStatistics.Median(tokensPerSecond.Take(split));
        double latest = RobustStatistics.Median(tokensPerSecond.Skip(split));
        double ratio = earlier > 0 ? latest / earlier : latest > 0 ? double.PositiveInfinity : 1;
        return new ThroughputDropResult(latest, earlier, ratio, latest < fraction * earlier);
    }
}
