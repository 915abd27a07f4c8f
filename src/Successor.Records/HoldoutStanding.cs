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
}
