// The 99% horizon of Lee et al. (ICML 2025): the longest length up to which every length is answered at least
// 99% right. Unlike the fitted horizon (CapabilityHorizon, where accuracy crosses one half) it counts only what a
// model can be trusted with, so it is the figure a self-improvement loop moves.
using Successor.Evaluation.Curriculum;

namespace Successor.Evaluation.Statistics;

public static class ReliableHorizon
{
    /// <summary>The share of a length's problems a model must answer right for the length to count.</summary>
    public const double Threshold = 0.99;

    /// <summary>Per family: the largest d such that every slice of that family up to d, from its lowest, has at
    /// least 99% right (0 when its lowest slice does not); the smallest over families, since a model is trusted
    /// up to d only where every family holds.</summary>
    public static int Of(IEnumerable<SliceResult> slices) =>
        // integer counts: 99 of 100 passes, without a floating-point edge at the threshold
        Of(slices, s => s.Family, s => s.Difficulty, s => s.Count > 0 && s.Correct * 100 >= 99 * s.Count);

    /// <summary>The same walk over any slices: per family the largest difficulty up to which every slice, from its
    /// lowest, `holds` (is at least 99% right); the smallest over families; 0 without slices.</summary>
    public static int Of<T>(IEnumerable<T> slices, Func<T, string> family, Func<T, int> difficulty,
        Func<T, bool> holds)
    {
        var horizons = slices.GroupBy(family).Select(f =>
        {
            int horizon = 0;
            foreach (var s in f.OrderBy(difficulty))
            {
                if (!holds(s)) break;
                horizon = difficulty(s);
            }
            return horizon;
        }).ToList();
        return horizons.Count == 0 ? 0 : horizons.Min();
    }

    /// <summary>The hardest difficulty any family answers at least half right (0 when none does): where a model's
    /// capability ends, as CapabilityHorizon's crossing of one half. Unlike the 99% horizon it does not fall back
    /// when a successor slips to 98.5% on one short slice, so a holdout anchored on it never shrinks.</summary>
    public static int Reach(IEnumerable<SliceResult> slices) =>
        slices.Where(s => s.Count > 0 && s.Correct * 2 >= s.Count).Select(s => s.Difficulty).DefaultIfEmpty(0).Max();
}
