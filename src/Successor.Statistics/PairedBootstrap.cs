// Paired bootstrap over items (Efron and Tibshirani 1993, ch. 16): both models are scored on the same
// items; resampling items with replacement keeps the pairing, so item difficulty cancels out. The 95% CI
// is the percentile interval of the resampled mean differences; the two-sided p-value is the share of
// resampled differences at least as far from the observed one as the observed one is from zero (the
// bootstrap distribution shifted to the null), with the +1 correction so it is never 0.
// The caller supplies the draws, so the same generator and seed give the same numbers everywhere.
namespace Successor.Statistics;

public static class PairedBootstrap
{
    public const int MinResamples = 1000;
    public const int DefaultResamples = 2000;

    /// <summary>nextIndex(n) draws a uniform item index in [0, n); it is called resamples × n times, in
    /// order.</summary>
    public static Comparison Compare(IReadOnlyList<double> a, IReadOnlyList<double> b, int resamples,
        Func<int, int> nextIndex, double confidence = 0.95)
    {
        if (a.Count != b.Count)
            throw new ArgumentException(
                $"paired comparison: A has {a.Count} items and B has {b.Count}; score both on the same items");
        if (a.Count == 0)
            throw new ArgumentException("paired comparison: no items; score both models on at least one item");
        if (resamples < MinResamples)
            throw new ArgumentException($"--resamples is {resamples}; use at least {MinResamples}");
        int n = a.Count;
        var diff = new double[n];
        for (int i = 0; i < n; i++) diff[i] = b[i] - a[i];
        double observed = diff.Average();
        var means = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += diff[nextIndex(n)];
            means[r] = sum / n;
        }
        Array.Sort(means);
        double alpha = (1 - confidence) / 2;
        double low = means[Math.Clamp((int)Math.Floor(alpha * resamples), 0, resamples - 1)];
        double high = means[Math.Clamp((int)Math.Ceiling((1 - alpha) * resamples) - 1, 0, resamples - 1)];
        int extreme = means.Count(m => Math.Abs(m - observed) >= Math.Abs(observed) - 1e-15);
        double p = observed == 0 ? 1 : (extreme + 1.0) / (resamples + 1.0);
        return new Comparison(a.Average(), b.Average(), observed, low, high, Math.Min(1, p), n, resamples);
    }

    /// <summary>Aggregation over seeds: each item's score averaged over the runs (seeds) of one model,
    /// so the comparison is between recipes, not between lucky seeds.</summary>
    public static double[] MeanOverSeeds(IReadOnlyList<IReadOnlyList<double>> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("aggregation over seeds: no runs");
        int n = runs[0].Count;
        if (runs.Any(r => r.Count != n))
            throw new ArgumentException(
                "aggregation over seeds: runs scored different numbers of items; score every seed on the same items");
        var mean = new double[n];
        foreach (var run in runs) for (int i = 0; i < n; i++) mean[i] += run[i] / runs.Count;
        return mean;
    }
}
