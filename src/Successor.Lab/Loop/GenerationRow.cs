namespace Successor.Lab.Loop;

/// <summary>One generation as the end-of-run table and `successor status` show it.</summary>
public sealed record GenerationRow(int Generation, bool Promoted, int ChampionGeneration, string Metric,
    double? Holdout, double? Difference, double? Low, double? High,
    double? Horizon, double? HorizonLow, double? HorizonHigh, double? KeptLabelAccuracy, int? Kept, long Tokens,
        double Seconds, string Reason, string? HorizonStatus = null, int? HorizonEasiest = null,
    int? HorizonHardest = null)
{
    /// <summary>The horizon as it may be shown: a bound ("&lt; 1") outside the difficulties tested.</summary>
    public HorizonReading HorizonShown => HorizonReading.Of(Horizon, HorizonStatus, HorizonEasiest, HorizonHardest);
    /// <summary>The 99% horizon on the sealed slices and the hardest sealed slice (null before the holdout moved
    /// with the frontier, and for text).</summary>
    public int? ReliableHorizon { get; init; }
    public int? SealedThrough { get; init; }
    /// <summary>first, promoted, adopted (without the judge, an ablation) or rejected.</summary>
    public string Outcome => GenerationRecord.OutcomeOf(Generation, Promoted, Reason);
}
