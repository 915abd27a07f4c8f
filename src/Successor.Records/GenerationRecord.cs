// `generation:LAB/gN`: how a generation ended. The champion it leaves (the successor when promoted, else
// the parent), the verdict on the sealed holdout, the watch's alarms, the kept data's measures and the
// compute spent. Generation 0 records the first champion.

namespace Successor.Records;

public sealed record GenerationRecord : LabRecord<GenerationRecord>
{
    public const string Type = "generation";

    /// <summary>How the reason of a successor adopted under promotion.adopt_every_successor (an ablation) begins.
    /// </summary>
    public const string AdoptedReason = "adopted without the judge";

    /// <summary>"first", "promoted", "adopted" (made the champion without the judge, an ablation) or
    /// "rejected".</summary>
    public static string OutcomeOf(int generation, bool promoted, string reason) =>
        generation == 0 ? "first" : !promoted ? "rejected"
            : reason.StartsWith(AdoptedReason, StringComparison.Ordinal) ? "adopted" : "promoted";

    public int Generation { get; init; }
    public int ChampionGeneration { get; init; }
    public string ChampionCheckpoint { get; init; } = "";
    /// <summary>The champion's recipe as canonical recipe JSON.</summary>
    public string ChampionRecipe { get; init; } = "";
    public IReadOnlyList<string> SelfGenerated { get; init; } = [];
    public int Frontier { get; init; }
    public bool Promoted { get; init; }
    public string Reason { get; init; } = "";
    public string? ApprovedBy { get; init; }

    // The champion's (generation 0) or the successor's standing on the sealed holdout.
    public string? HoldoutMetric { get; init; }
    public double? HoldoutValue { get; init; }
    public double? Horizon { get; init; }
    public double? HorizonLow { get; init; }
    public double? HorizonHigh { get; init; }
    public string? HorizonStatus { get; init; }
    public int? HorizonEasiest { get; init; }
    public int? HorizonHardest { get; init; }
    public IReadOnlyList<FamilyHorizon>? Horizons { get; init; }
    /// <summary>The 99% horizon on the sealed slices (HoldoutStanding.ReliableHorizon) and the hardest slice
    /// scored; null in records from before the holdout moved with the frontier.</summary>
    public int? ReliableHorizon { get; init; }
    public int? SealedThrough { get; init; }

    // The Verifier's paired comparison of successor and champion on the sealed holdout.
    public double? Improvement { get; init; }
    public double? ImprovementLow { get; init; }
    public double? ImprovementHigh { get; init; }
    public double? ImprovementPValue { get; init; }
    public int? HoldoutItems { get; init; }
    public bool? GenuinelyBetter { get; init; }
    public string? Verdict { get; init; }
    public double? CandidatePublicScore { get; init; }

    // The watch on a verified successor. The divergence monitor compares the public gain with the sealed gain on
    // the slices both sides hold (DivergenceScope: "radd d=1–9", "whole sets", or "no shared slice" when it did
    // not apply); null in records from before it was cut to shared slices, which compared the whole sets.
    public string? DivergenceScope { get; init; }
    public double? PublicImprovement { get; init; }
    public double? PublicImprovementLow { get; init; }
    public double? PublicImprovementHigh { get; init; }
    public double? DivergenceSealedImprovement { get; init; }
    public double? DivergenceSealedImprovementLow { get; init; }
    public double? DivergenceSealedImprovementHigh { get; init; }
    public double? DivergenceZ { get; init; }
    public bool? DivergenceAlarm { get; init; }
    public int? DivergenceSumGenerations { get; init; }
    public double? DivergenceSumZ { get; init; }
    public bool? DivergenceSumAlarm { get; init; }
    public int? CanariesCompleted { get; init; }
    /// <summary>Canaries the successor was asked to complete: 0 means none was planted and the check did not
    /// apply; null in records from before it was kept.</summary>
    public int? CanariesPlanted { get; init; }
    public int? ReplayFalseAccepts { get; init; }
    public double? CumulativeReliability { get; init; }
    public double? ProjectedReliability { get; init; }
    public bool? ReliabilityAlarm { get; init; }

    // This generation's curation.
    public double? KeptLabelAccuracy { get; init; }
    public int? Kept { get; init; }
    public double? PerplexityDrift { get; init; }
    public double? TailCoverage { get; init; }

    public long Tokens { get; init; }
    public double Seconds { get; init; }

    /// <summary>This record with a model's standing on the sealed holdout.</summary>
    public GenerationRecord With(HoldoutStanding s) => this with
    {
        HoldoutMetric = s.Metric, HoldoutValue = s.Value, Horizon = s.Horizon, HorizonLow = s.HorizonLow,
        HorizonHigh = s.HorizonHigh, HorizonStatus = s.HorizonStatus, Horizons = s.Horizons,
        HorizonEasiest = s.HorizonEasiest, HorizonHardest = s.HorizonHardest,
        ReliableHorizon = s.ReliableHorizon, SealedThrough = s.SealedThrough,
    };
}
