// When a fitted trend reaches a target value, with the 95% interval of that date (null where unknown).
namespace Successor.Dashboard.Trends;

/// <summary>Date: when the fitted curve reaches Target; null when the fit is flat or the date is out of range.
/// Low/High: the 95% interval of the date; null with two points, or when the slope's 95% CI reaches zero (the
/// data do not rule out a trend that never gets there).</summary>
public sealed record TrendCrossing(double Target, DateTimeOffset? Date, DateTimeOffset? Low, DateTimeOffset? High);
