// A named trend series: a public frontier benchmark from the bundled CSV, a user's CSV, or the lab's own
// capability horizon built by the dashboard from the ledger.
namespace Successor.Dashboard.Trends;

/// <summary>Targets: values whose crossing date the report projects (for example a 6,000-minute horizon, or 99%).
/// Forecast: the points are someone's forecast, not measurements.</summary>
public sealed record TrendSeries(
    string Id,
    string Name,
    string Unit,
    TrendKind Kind,
    string Source,
    bool Forecast,
    IReadOnlyList<TrendPoint> Points,
    IReadOnlyList<double> Targets)
{
    /// <summary>The series' fit, or null for a reference series or fewer than two distinct dates.</summary>
    public TrendFit? Fit() => TrendFitter.Fit(Points, Kind);
}
