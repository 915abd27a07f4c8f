// The 99% horizon of Lee et al. (ICML 2025): the longest length up to which every length is answered at least
// 99% right. Unlike the fitted horizon (CapabilityHorizon, where accuracy crosses one half) it counts only what a
// model can be trusted with, so it is the figure a self-improvement loop moves.
using Successor.Evaluation.Curriculum;

namespace Successor.Evaluation.Statistics;

public static class ReliableHorizon
{
    /// <summary>Per family: the largest d such that every slice of that family up to d, from its lowest, has at
    /// least 99% right (0 when its lowest slice does not); the smallest over families, since a model is trusted
    /// up to d only where every family holds.</summary>
    public static int Of(IEnumerable<SliceResult> slices)
    {
        var families = slices.GroupBy(s => s.Family).Select(Family).ToList();
        return families.Count == 0 ? 0 : families.Min();
    }

    /// <summary>The largest per-family horizon: how far past the best family a holdout must reach.</summary>
    public static int Highest(IEnumerable<SliceResult> slices) =>
        slices.GroupBy(s => s.Family).Select(Family).DefaultIfEmpty(0).Max();

    static int Family(IEnumerable<SliceResult> family)
    {
        int horizon = 0;
        foreach (var s in family.OrderBy(s => s.Difficulty))
        {
            // integer counts: 99 of 100 passes, without a floating-point edge at the threshold
            if (s.Count == 0 || s.Correct * 100 < 99 * s.Count) break;
            horizon = s.Difficulty;
        }
        return horizon;
    }
}
