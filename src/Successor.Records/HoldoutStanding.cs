namespace Successor.Records;

/// <summary>A model's standing on the sealed holdout as the ledger keeps it: the metric and its value, and
/// for the curriculum the capability horizon overall and per family.</summary>
public sealed record HoldoutStanding(string Metric, double Value)
{
    public double? Horizon { get; init; }
    public double? HorizonLow { get; init; }
    public double? HorizonHigh { get; init; }
    public string? HorizonStatus { get; init; }
    /// <summary>The easiest and hardest difficulty the horizon was measured on.</summary>
    public int? HorizonEasiest { get; init; }
    public int? HorizonHardest { get; init; }
    public IReadOnlyList<FamilyHorizon>? Horizons { get; init; }
    /// <summary>The curriculum's 99% horizon: the largest difficulty up to which every sealed slice is at least 99%
    /// right, in every family.</summary>
    public int? ReliableHorizon { get; init; }
    /// <summary>The hardest sealed difficulty scored: the holdout grows with the champion's horizon.</summary>
    public int? SealedThrough { get; init; }
}
