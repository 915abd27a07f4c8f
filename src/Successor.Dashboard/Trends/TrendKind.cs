// How a trend series is fitted: the `kind` column of a trend CSV (docs/TRENDS.md).
namespace Successor.Dashboard.Trends;

public enum TrendKind
{
    /// <summary>A positive quantity that grows by a factor per unit time: least squares of ln(value) on time.</summary>
    Exponential,

    /// <summary>A percentage bounded by 0 and 100: least squares of the log-odds ln(p / (100 − p)) on time, so the
    /// doubling time is that of the odds, and the fit never passes 100%.</summary>
    Percent,

    /// <summary>A level to compare against (a human baseline, a one-off measurement): charted, never fitted.</summary>
    Reference,
}
