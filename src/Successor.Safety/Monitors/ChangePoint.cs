// Detects a sudden level shift in a loss curve, e.g. the loss jumping from 2.0 back up to 3.5 after a
// bad update, while ignoring the steady decrease every training curve has.
// A plain two-sample test on means (or a CUSUM on raw values) would call any decreasing curve a
// change, so the scan compares lines instead: at each candidate index k, a least-squares line through
// the `window` values before k and one through the `window` values from k on are both extrapolated to
// the gap at k − ½; their difference is the shift at k. A smooth trend gives two lines that meet;
// because the windows are symmetric about the gap, a quadratic (curving) trend cancels exactly and
// only third-order curvature remains. The index with the largest |shift| is the change point
// (two-sided: a sudden drop is reported too, with a negative shift).
// Scale: the shift is divided by 1.4826 × MAD of the first differences, a noise estimate that one jump
// cannot inflate, so the threshold reads "robust standard deviations of the step-to-step change" and
// does not depend on the loss's units. Under Gaussian noise of standard deviation s the differences
// have standard deviation s√2 and the shift estimate about 0.64 of that (window 10), so the default
// threshold of 4 is about 6 standard errors: rare by chance even after scanning a few hundred indices.
// A single wild value can also reach the threshold; RobustZ is the tool for telling those apart.

namespace Successor.Safety.Monitors;

public static class ChangePoint
{
    public const double DefaultThreshold = 4.0;
    public const int DefaultWindow = 10;
    public const int MinimumWindow = 3;

    public static ChangePointResult Detect(IReadOnlyList<double> values, double threshold = DefaultThreshold,
        int window = DefaultWindow)
    {
        if (!(threshold > 0) || double.IsInfinity(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold,
                "change-point threshold must be a finite number > 0 (robust standard deviations), e.g. 4");
        if (window < MinimumWindow)
            throw new ArgumentOutOfRangeException(nameof(window), window,
                $"change-point window must be at least {MinimumWindow} values, e.g. {DefaultWindow}");
        if (values.Count < 2 * window)
            throw new ArgumentException(
                $"change point: {values.Count} values; a window of {window} needs at least {2 * window}",
                nameof(values));
        RobustStatistics.RequireFinite(values, "change point");

        var differences = new double[values.Count - 1];
        for (int i = 0; i < differences.Length; i++) differences[i] = values[i + 1] - values[i];
        double noise = RobustStatistics.StandardDeviation(differences);

        int bestIndex = window;
        double bestShift = 0;
        for (int k = window; k <= values.Count - window; k++)
        {
            double gap = k - 0.5;
            double shift = LineAt(values, k, window, gap) - LineAt(values, k - window, window, gap);
            if (Math.Abs(shift) > Math.Abs(bestShift)) (bestIndex, bestShift) = (k, shift);
        }
        // noise = 0 means the differences are (mostly) identical: a straight line. Any real shift then
        // stands out infinitely; rounding-level shifts on an exact line are not shifts.
        double statistic = noise > 0 ? bestShift / noise
            : Math.Abs(bestShift) > 1e-9 * (1 + values.Max(Math.Abs))
                ? Math.Sign(bestShift) * double.PositiveInfinity
                : 0;
        return new ChangePointResult(bestIndex, bestShift, statistic, noise, Math.Abs(statistic) >= threshold);
    }

    /// <summary>The least-squares line through values[start .. start + count) evaluated at position x.</summary>
    static double LineAt(IReadOnlyList<double> values, int start, int count, double x)
    {
        double centre = start + (count - 1) / 2.0, mean = 0;
        for (int i = 0; i < count; i++) mean += values[start + i];
        mean /= count;
        double covariance = 0, spread = 0;
        for (int i = 0; i < count; i++)
        {
            double dx = start + i - centre;
            covariance += dx * (values[start + i] - mean);
            spread += dx * dx;
        }
        return mean + covariance / spread * (x - centre);
    }
}
