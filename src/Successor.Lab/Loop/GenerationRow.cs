namespace Successor.Lab.Loop;

/// <summary>One generation as the end-of-run table and `successor status` show it.</summary>
public sealed record GenerationRow(int Generation, bool Promoted, int ChampionGeneration, string Metric,
    double? Holdout, double? Difference, double? Low, double? High,
    double? Horizon, double? HorizonLow, double? HorizonHigh, double? KeptLabelAccuracy, int? Kept, long Tokens,
        double Seconds, string Reason);
