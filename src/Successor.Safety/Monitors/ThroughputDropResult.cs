// Whether training throughput has fallen, with the medians the decision was made from.
namespace Successor.Safety.Monitors;

/// <param name="Ratio">RecentMedian / EarlierMedian; 1 when both are 0, +∞ when only the earlier one is.</param>
/// <param name="Dropped">RecentMedian is below the fraction of EarlierMedian.</param>
public sealed record ThroughputDropResult(double RecentMedian, double EarlierMedian, double Ratio, bool Dropped);
