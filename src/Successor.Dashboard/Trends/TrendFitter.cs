// Ordinary least squares of a series' line variable (ln value, or log-odds for a percentage; TrendScale) on
// time in days. With n ≥ 3 points the slope's 95% CI is b ± t(0.975, n−2)·s/√Sxx, s² = SSE/(n−2), the
// textbook interval under independent Gaussian residuals (Draper and Smith, Applied Regression Analysis, ch. 1.4).
// Two points fix the line exactly and say nothing about its uncertainty, so there the CI and r² are null.
using Successor.Statistics;

namespace Successor.Dashboard.Trends;

public static class TrendFitter
{
    /// <summary>Fits any list of (instant, value) points. Null for a reference series or when the points do not
    /// span two distinct instants. A value the kind cannot take (≤ 0 for exponential, outside (0, 100) for
    /// percent, not finite) is an ArgumentException naming the point.</summary>
    public static TrendFit? Fit(IEnumerable<TrendPoint> points, TrendKind kind = TrendKind.Exponential)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (kind == TrendKind.Reference) return null;
        var list = points.ToList();
        foreach (var p in list)
            if (TrendScale.Unusable(kind, p.Value) is string why)
                throw new ArgumentException($"trend fit: the point at {p.Date:o} has value {why}", nameof(points));
        if (list.Count < 2 || list.All(p => p.Date.UtcTicks == list[0].Date.UtcTicks)) return null;

        int n = list.Count;
        var t = list.Select(p => TrendScale.Days(p.Date)).ToArray();
        var y = list.Select(p => TrendScale.ToLine(kind, p.Value)).ToArray();
        double tMean = t.Average(), yMean = y.Average();
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dt = t[i] - tMean, dy = y[i] - yMean;
            sxx += dt * dt; sxy += dt * dy; syy += dy * dy;
        }
        double slope = sxy / sxx;
        if (n == 2) return new TrendFit(kind, n, tMean, yMean, slope, null);

        double sse = 0;
        for (int i = 0; i < n; i++)
        {
            double residual = y[i] - yMean - slope * (t[i] - tMean);
            sse += residual * residual;
        }
        double s = Math.Sqrt(sse / (n - 2));
        var uncertainty = new FitUncertainty(
            SlopeError: s / Math.Sqrt(sxx),
            MeanError: s / Math.Sqrt(n),
            TQuantile: StudentT.Quantile(0.975, n - 2),
            RSquared: syy > 0 ? Math.Clamp(1 - sse / syy, 0, 1) : null);
        return new TrendFit(kind, n, tMean, yMean, slope, uncertainty);
    }
}

/// <summary>Standard errors of the slope and of the mean level (uncorrelated, since time is centred), the
/// Student-t multiplier for 95%, and r².</summary>
sealed record FitUncertainty(double SlopeError, double MeanError, double TQuantile, double? RSquared);
