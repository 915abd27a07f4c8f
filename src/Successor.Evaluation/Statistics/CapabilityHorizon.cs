// The capability horizon of a task family: the difficulty at which exact-match accuracy crosses 50%
// (METR's 50% time horizon, Kwa et al. 2025, measured on problem size instead of task length). Fitted by
// logistic regression of success on difficulty, p(d) = σ(a + b·d), so horizon = −a/b; a weak Gaussian
// prior on b (ridge, λ = 1) keeps the fit finite when successes and failures separate perfectly. The 95%
// CI is a percentile bootstrap that resamples items within each difficulty (the design fixes n per
// difficulty), 1,000 times by default.
using Successor.Tensors;

namespace Successor.Evaluation.Statistics;

public static class CapabilityHorizon
{
    const double Ridge = 1.0;

    /// <summary>counts: (difficulty, successes, trials) per difficulty tested.</summary>
    public static Horizon Fit(string family, IReadOnlyList<(int Difficulty, int Correct, int Count)> counts,
        int resamples = 1000, ulong seed = 0)
    {
        if (counts.Count == 0) throw new ArgumentException($"horizon of {family}: no results");
        var sorted = counts.OrderBy(c => c.Difficulty).ToList();
        double first = (double)sorted[0].Correct / sorted[0].Count;
        double last = (double)sorted[^1].Correct / sorted[^1].Count;
        string status = first < 0.5 ? "below_range" : last >= 0.5 ? "above_range" : "fitted";
        double? value = Crossing(sorted);
        var rng = Rng.For(seed, 0x40B12);
        var draws = new List<double>(resamples);
        var resampled = new (int, int, int)[sorted.Count];
        for (int r = 0; r < resamples; r++)
        {
            for (int i = 0; i < sorted.Count; i++)
            {
                var (d, k, n) = sorted[i];
                int hits = 0;
                for (int j = 0; j < n; j++) if (rng.NextDouble() * n < k) hits++;
                resampled[i] = (d, hits, n);
            }
            draws.Add(Crossing(resampled) ?? double.PositiveInfinity);
        }
        draws.Sort();
        double? Pick(double q) =>
            draws.Count == 0 ? null
            : draws[Math.Clamp((int)Math.Floor(q * draws.Count), 0, draws.Count - 1)] is var v && double.IsFinite(v) ? v
            : null;
        return new Horizon(family, value, Pick(0.025), Pick(0.975), status);
    }

    /// <summary>−a/b of the penalised maximum-likelihood fit, or null when the slope is not negative.</summary>
    internal static double? Crossing(IReadOnlyList<(int Difficulty, int Correct, int Count)> counts)
    {
        var (a, b) = Logistic(counts);
        return b < -1e-9 ? -a / b : null;
    }

    /// <summary>Newton's method on the penalised log-likelihood Σ k·log p + (n−k)·log(1−p) − λb²/2.
    /// Difficulty is centred for conditioning; the intercept is returned for the raw difficulty.</summary>
    internal static (double A, double B) Logistic(IReadOnlyList<(int Difficulty, int Correct, int Count)> counts)
    {
        double total = counts.Sum(c => (double)c.Count);
        double centre = counts.Sum(c => (double)c.Difficulty * c.Count) / total;
        double a = 0, b = 0;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = -Ridge * b, haa = 0, hab = 0, hbb = -Ridge;
            foreach (var (d, k, n) in counts)
            {
                double z = d - centre, p = 1 / (1 + Math.Exp(-(a + b * z))), w = n * p * (1 - p);
                ga += k - n * p; gb += (k - n * p) * z;
                haa -= w; hab -= w * z; hbb -= w * z * z;
            }
            haa -= 1e-9; // keeps the Hessian invertible when every p is 0 or 1
            double det = haa * hbb - hab * hab;
            if (Math.Abs(det) < 1e-300) break;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            a -= da; b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10) break;
        }
        return (a - b * centre, b);
    }
}
