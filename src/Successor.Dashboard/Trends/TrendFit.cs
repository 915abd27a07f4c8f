// A fitted trend: a straight line on the series' scale (TrendScale), level(t) = CentreLevel + slope·(t − centre),
// with its doubling time and projected crossing dates. Crossing intervals invert the line's 95% confidence band
// (Fieller's theorem; Draper and Smith ch. 3.2, "inverse prediction"): the dates at which the target lies inside
// the band. That interval is bounded exactly when the slope's CI excludes zero.
namespace Successor.Dashboard.Trends;

public sealed class TrendFit
{
    readonly double centreDays;
    readonly FitUncertainty? uncertainty;

    internal TrendFit(TrendKind kind, int points, double centreDays, double centreLevel, double slopePerDay,
        FitUncertainty? uncertainty)
    {
        Kind = kind; Points = points; CentreLevel = centreLevel; SlopePerDay = slopePerDay;
        this.centreDays = centreDays;
        this.uncertainty = uncertainty;
    }

    public TrendKind Kind { get; }
    public int Points { get; }

    /// <summary>The mean time of the points, where the line's level is CentreLevel.</summary>
    public DateTimeOffset Centre => TrendScale.Date(centreDays) ?? DateTimeOffset.UnixEpoch;
    public double CentreLevel { get; }

    /// <summary>Change per day of ln(value), or of the log-odds for a percent series.</summary>
    public double SlopePerDay { get; }
    public double? SlopeLow => uncertainty is { } u ? SlopePerDay - u.TQuantile * u.SlopeError : null;
    public double? SlopeHigh => uncertainty is { } u ? SlopePerDay + u.TQuantile * u.SlopeError : null;
    public double? RSquared => uncertainty?.RSquared;

    /// <summary>Days for the value (for a percent series, the odds p/(100 − p)) to double; null unless
    /// growing.</summary>
    public double? DoublingDays => Doubling(SlopePerDay);
    /// <summary>The 95% interval of the doubling time: null with two points; High is also null (unbounded) when
    /// the slope's CI reaches zero.</summary>
    public double? DoublingDaysLow => SlopeHigh is double s ? Doubling(s) : null;
    public double? DoublingDaysHigh => SlopeLow is double s ? Doubling(s) : null;

    /// <summary>The fitted value at a date, on the series' own scale (minutes, %, …).</summary>
    public double ValueAt(DateTimeOffset date) =>
        TrendScale.FromLine(Kind, CentreLevel + SlopePerDay * (TrendScale.Days(date) - centreDays));

    /// <summary>When the fitted curve reaches the target, with a 95% interval where the data allow one.</summary>
    public TrendCrossing Crossing(double target)
    {
        if (TrendScale.Unusable(Kind, target) is string why)
            throw new ArgumentOutOfRangeException(nameof(target), target, $"crossing target {why}");
        double gap = TrendScale.ToLine(Kind, target) - CentreLevel, b = SlopePerDay;
        var date = b != 0 ? TrendScale.Date(centreDays + gap / b) : null;
        if (uncertainty is not { } u) return new TrendCrossing(target, date, null, null);

        // Dates d (from the centre) where |gap − b·d| ≤ t·sqrt(meanError² + d²·slopeError²):
        // a quadratic in d.
        double k2 = u.TQuantile * u.TQuantile;
        double a = b * b - k2 * u.SlopeError * u.SlopeError;
        if (!(a > 0)) return new TrendCrossing(target, date, null, null);
        double root = Math.Sqrt(gap * gap * k2 * u.SlopeError * u.SlopeError + a * k2 * u.MeanError * u.MeanError);
        double first = (b * gap - root) / a, second = (b * gap + root) / a;
        return new TrendCrossing(target, date, TrendScale.Date(centreDays + first),
            TrendScale.Date(centreDays + second));
    }

    static double? Doubling(double slope) => slope > 0 ? Math.Log(2) / slope : null;
}
