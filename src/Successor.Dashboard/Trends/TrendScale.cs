// The scale on which each kind of series is a straight line in time: ln(value) for exponential growth, the
// log-odds ln(p / (100 − p)) for a percentage (a logistic curve, which flattens below 100% instead of passing
// it), and days since 1970-01-01 UTC as a double for time, so minutes-apart generations keep their spacing.
namespace Successor.Dashboard.Trends;

static class TrendScale
{
    static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;
    // DateTimeOffset's range in days since the epoch, a day inside each end.
    static readonly double FirstDay =
        (DateTimeOffset.MinValue.UtcTicks - UnixEpochTicks) / (double)TimeSpan.TicksPerDay + 1;
    static readonly double LastDay =
        (DateTimeOffset.MaxValue.UtcTicks - UnixEpochTicks) / (double)TimeSpan.TicksPerDay - 1;

    public static double Days(DateTimeOffset date) => (date.UtcTicks - UnixEpochTicks) / (double)TimeSpan.TicksPerDay;

    /// <summary>The instant `days` after 1970-01-01 UTC, or null when it is not finite or not representable.</summary>
    public static DateTimeOffset? Date(double days) =>
        double.IsFinite(days) && days >= FirstDay && days <= LastDay
            ? new DateTimeOffset(UnixEpochTicks + (long)Math.Round(days * TimeSpan.TicksPerDay), TimeSpan.Zero)
            : null;

    /// <summary>Why a value cannot be fitted as this kind, or null when it can.</summary>
    public static string? Unusable(TrendKind kind, double value) => kind switch
    {
        _ when !double.IsFinite(value) => $"{value} is not a finite number",
        TrendKind.Exponential when value <= 0 =>
            $"{Show(value)} is not positive, and an exponential fit takes its logarithm; use a value above 0",
        TrendKind.Percent when value <= 0 || value >= 100 => $"{Show(value)} is not strictly between 0 and 100, " +
            "and a percent fit takes its log-odds; use e.g. 0.1 or 99.9",
        _ => null,
    };

    public static double ToLine(TrendKind kind, double value) => kind switch
    {
        TrendKind.Exponential => Math.Log(value),
        TrendKind.Percent => Math.Log(value / (100 - value)),
        _ => throw new ArgumentException($"a {kind} series is not fitted", nameof(kind)),
    };

    public static double FromLine(TrendKind kind, double level) => kind switch
    {
        TrendKind.Exponential => Math.Exp(level),
        TrendKind.Percent => 100 / (1 + Math.Exp(-level)),
        _ => throw new ArgumentException($"a {kind} series is not fitted", nameof(kind)),
    };

    public static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
