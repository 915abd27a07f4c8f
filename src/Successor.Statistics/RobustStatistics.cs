// Median and median absolute deviation, for the monitors that must not be moved by the very outliers
// and jumps they look for (the safety monitors and the lab's trial monitors). The MAD times 1.4826 estimates the
// standard deviation of normal data (1.4826 = 1 / Φ⁻¹(0.75)).
namespace Successor.Statistics;

public static class RobustStatistics
{
    public const double MadToStandardDeviation = 1.4826;

    // Sorted, not MathNet's selection-based median: monitors decide on it, and this keeps their numbers.
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("median: no values; pass at least one");
        Array.Sort(sorted);
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double MedianAbsoluteDeviation(IReadOnlyList<double> values, double median) =>
        Median(values.Select(v => Math.Abs(v - median)));

    /// <summary>1.4826 × MAD: a standard deviation that a minority of wild values cannot inflate.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values) =>
        MadToStandardDeviation * MedianAbsoluteDeviation(values, Median(values));

    public static void RequireFinite(IReadOnlyList<double> values, string what)
    {
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{what}: value {i} is {values[i]}; every value must be a finite number");
    }
}
