namespace Successor.Lab.Loop;

/// <summary>One generation as the end-of-run table and `successor status` show it.</summary>
public sealed record GenerationRow(int Generation, bool Promoted, int ChampionGeneration, string Metric,
    double? Holdout, double? Difference, double? Low, double? High,
    double? Horizon, double? HorizonLow, double? HorizonHigh, double? KeptLabelAccuracy, int? Kept, long Tokens,
        double Seconds, string Reason)
{
    /// <summary>The 99% horizon on the sealed slices and the hardest sealed slice (null before the holdout moved
    /// with the frontier, and for text).</summary>
    public int? ReliableHorizon { get; init; }
    public int? SealedThrough { get; init; }
}
