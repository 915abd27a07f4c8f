// Public-minus-sealed gains summed over a lineage: the promoted generations so far and the candidate that
// would join them. Excesses too small for any single generation's test add up (Divergence.CheckAcrossGenerations).
// Rejected candidates are left out: they never became a parent, so their gap is not the lineage's.
using Successor.Safety.Monitors;

namespace Successor.Lab.Stages;

public static class LineageDivergence
{
    /// <summary>Of the recorded generations, the promoted ones before `generation` whose public and sealed gains
    /// were both recorded, in order.</summary>
    public static IReadOnlyList<GenerationRecord> Lineage(IEnumerable<GenerationRecord> generations, int generation) =>
        [.. generations.Where(a => a.Generation > 0 && a.Generation < generation && a.Promoted
                && a.PublicImprovementLow is not null && a.ImprovementLow is not null)
            .OrderBy(a => a.Generation)];

    public static DivergenceVerdict Check(IReadOnlyList<GenerationRecord> lineage, GainEstimate publicNow,
        GainEstimate sealedNow, double z) =>
        Divergence.CheckAcrossGenerations(
            [.. lineage.Select(a => new GainEstimate(a.PublicImprovement!.Value, a.PublicImprovementLow!.Value,
                a.PublicImprovementHigh!.Value)), publicNow],
            [.. lineage.Select(Sealed), sealedNow], z);

    /// <summary>The sealed gain a generation's public gain was set against: on the slices both sides held, or, in
    /// records from before the monitor cut to them, the whole holdout's.</summary>
    static GainEstimate Sealed(GenerationRecord a) => a.DivergenceSealedImprovement is { } gain
        ? new(gain, a.DivergenceSealedImprovementLow!.Value, a.DivergenceSealedImprovementHigh!.Value)
        : new(a.Improvement!.Value, a.ImprovementLow!.Value, a.ImprovementHigh!.Value);
}
