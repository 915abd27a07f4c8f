// Public-minus-sealed gains summed over a lineage: the promoted generations so far and the candidate that
// would join them. Excesses too small for any single generation's test add up (Divergence.CheckAcrossGenerations).
// Rejected candidates are left out: they never became a parent, so their gap is not the lineage's.
using System.Text.Json.Nodes;
using Successor.Safety.Monitors;

namespace Successor.Lab.Loop;

public static class LineageDivergence
{
    /// <summary>Of the recorded generation attributes, the promoted generations before `generation` whose public
    /// and sealed gains were both recorded, in order.</summary>
    public static IReadOnlyList<JsonObject> Lineage(IEnumerable<JsonObject> generations, int generation) =>
        [.. generations.Where(a => (int?)a["generation"] is int n && n > 0 && n < generation && (bool?)a["promoted"] == true && a["public_improvement_low"] is not null && a["improvement_low"] is not null)
            .OrderBy(a => (int)a["generation"]!)];

    public static DivergenceVerdict Check(IReadOnlyList<JsonObject> lineage, GainEstimate publicNow, GainEstimate sealedNow, double z) =>
        Divergence.CheckAcrossGenerations([.. lineage.Select(a => Gain(a, "public_improvement")), publicNow], [.. lineage.Select(a => Gain(a, "improvement")), sealedNow], z);

    static GainEstimate Gain(JsonObject a, string key) => new((double)a[key]!, (double)a[$"{key}_low"]!, (double)a[$"{key}_high"]!);
}
