// One measurement of a trend series. Dates are instants, so the lab's own generations, minutes apart,
// fit the same way as public benchmarks a year apart.
namespace Successor.Dashboard.Trends;

public sealed record TrendPoint(DateTimeOffset Date, double Value);
