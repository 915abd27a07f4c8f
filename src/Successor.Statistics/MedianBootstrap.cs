// The percentile bootstrap interval of a median (Efron and Tibshirani 1993, ch. 13): resample the values with
// replacement, take each resample's median, and read the interval from their sorted list. For a handful of
// seeds it is coarse (the median of a resample is one of the values, or the mean of two), but it says how far
// the median could move with other seeds, which a point median alone does not.
// The caller supplies the draws, as in PairedBootstrap.
namespace Successor.Statistics;

public static class MedianBootstrap
{
    /// <summary>The median of `values` and its `confidence` percentile interval; nextIndex(n) draws a uniform
    /// index in [0, n) and is called resamples × n times, in order.</summary>
    public static (double Median, double Low, double High) Interval(IReadOnlyList<double> values, int resamples,
        Func<int, int> nextIndex, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(nextIndex);
        if (values.Count == 0) throw new ArgumentException("median interval: no values; pass at least one");
        if (resamples < PairedBootstrap.MinResamples)
            throw new ArgumentException($"resamples is {resamples}; use at least {PairedBootstrap.MinResamples}");
        int n = values.Count;
        var medians = new double[resamples];
        var sample = new double[n];
        for (int r = 0; r < resamples; r++)
        {
            for (int i = 0; i < n; i++) sample[i] = values[nextIndex(n)];
            medians[r] = RobustStatistics.Median(sample);
        }
        Array.Sort(medians);
        double alpha = (1 - confidence) / 2;
        return (RobustStatistics.Median(values),
            medians[Math.Clamp((int)Math.Floor(alpha * resamples), 0, resamples - 1)],
            medians[Math.Clamp((int)Math.Ceiling((1 - alpha) * resamples) - 1, 0, resamples - 1)]);
    }
}
