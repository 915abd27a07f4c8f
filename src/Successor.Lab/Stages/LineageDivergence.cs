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
            [.. lineage.Select(a => new GainEstimate(a.Improvement!.Value, a.ImprovementLow!.Value,
                a.ImprovementHigh!.Value)), sealedNow], z);
}
