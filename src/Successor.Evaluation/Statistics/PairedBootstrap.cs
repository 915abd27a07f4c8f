// Paired bootstrap over items (Efron and Tibshirani 1993, ch. 16): both models are scored on the same
// items; resampling items with replacement keeps the pairing, so item difficulty cancels out. The 95% CI
// is the percentile interval of the resampled mean differences; the two-sided p-value is the share of
// resampled differences at least as far from the observed one as the observed one is from zero (the
// bootstrap distribution shifted to the null), with the +1 correction so it is never 0.
using Successor.Tensors;

namespace Successor.Evaluation.Statistics;

/// <summary>Difference = mean(B) − mean(A) over the same items; Low/High its 95% CI.</summary>
public sealed record Comparison(double MeanA, double MeanB, double Difference, double Low, double High, double PValue, int Items, int Resamples);

public static class PairedBootstrap
{
    public const int MinResamples = 1000;

    public static Comparison Compare(IReadOnlyList<double> a, IReadOnlyList<double> b, int resamples = 2000, ulong seed = 0, double confidence = 0.95)
    {
        if (a.Count != b.Count) throw new ArgumentException($"paired comparison: A has {a.Count} items and B has {b.Count}; score both on the same items");
        if (a.Count == 0) throw new ArgumentException("paired comparison: no items; score both models on at least one item");
        if (resamples < MinResamples) throw new ArgumentException($"--resamples is {resamples}; use at least {MinResamples}");
        int n = a.Count;
        var diff = new double[n];
        for (int i = 0; i < n; i++) diff[i] = b[i] - a[i];
        double observed = diff.Average();
        var rng = Rng.For(seed, 0xB007);
        var means = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += diff[rng.NextInt(n)];
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
        if (runs.Any(r => r.Count != n)) throw new ArgumentException("aggregation over seeds: runs scored different numbers of items; score every seed on the same items");
        var mean = new double[n];
        foreach (var run in runs) for (int i = 0; i < n; i++) mean[i] += run[i] / runs.Count;
        return mean;
    }
}
