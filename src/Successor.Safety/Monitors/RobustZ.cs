// Robust z-scores (Iglewicz and Hoaglin 1993, "How to Detect and Handle Outliers"): the modified
// z-score M = 0.6745 (x − median) / MAD, i.e. the distance from the median in units of 1.4826 × MAD
// (0.6745 ≈ 1 / 1.4826). Median and MAD ignore the wild values they are meant to expose, which a mean
// and standard deviation would not. The authors recommend |M| ≥ 3.5 as the outlier rule.
// MAD = 0 (more than half the values are equal): no finite scale exists. Values equal to the median
// score 0; every other value scores ±∞ and is an outlier, because the majority agrees exactly and it
// does not.

namespace Successor.Safety.Monitors;

public static class RobustZ
{
    public const double IglewiczHoaglinConstant = 0.6745;
    public const double DefaultThreshold = 3.5;

    public static IReadOnlyList<double> Scores(IReadOnlyList<double> values) => Scores(values, 0);

    /// <summary>
    /// Modified z-scores whose scale, MAD / 0.6745, is never taken below `minimumScale` (a standard
    /// deviation in the values' units). Among a handful of values the MAD can be tiny by chance, or 0 on
    /// ties, and then every small difference reads as extreme; a floor such as the known sampling error of
    /// each value keeps a score in units that mean something.
    /// </summary>
    public static IReadOnlyList<double> Scores(IReadOnlyList<double> values, double minimumScale)
    {
        if (!(minimumScale >= 0) || double.IsInfinity(minimumScale))
            throw new ArgumentOutOfRangeException(nameof(minimumScale), minimumScale,
                "minimum scale must be a finite number ≥ 0, e.g. a standard error");
        RobustStatistics.RequireFinite(values, "robust z-scores");
        if (values.Count == 0) return [];
        double median = RobustStatistics.Median(values);
        double scale = Math.Max(
            RobustStatistics.MedianAbsoluteDeviation(values, median) / IglewiczHoaglinConstant, minimumScale);
        var scores = new double[values.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            double deviation = values[i] - median;
            scores[i] = scale > 0 ? deviation / scale
                : deviation == 0 ? 0 : Math.Sign(deviation) * double.PositiveInfinity;
        }
        return scores;
    }

    /// <summary>Indices, ascending, of the values whose |modified z| is at least the threshold.</summary>
    public static IReadOnlyList<int> Outliers(IReadOnlyList<double> values, double threshold = DefaultThreshold)
    {
        if (!(threshold > 0))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold,
                "outlier threshold must be > 0, e.g. 3.5");
        var scores = Scores(values);
        var outliers = new List<int>();
        for (int i = 0; i < scores.Count; i++)
            if (Math.Abs(scores[i]) >= threshold) outliers.Add(i);
        return outliers;
    }
}
