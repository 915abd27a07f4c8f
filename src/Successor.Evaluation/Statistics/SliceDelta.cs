// How one family × difficulty slice's accuracy changed from model A to model B. When both answered the same
// problems, Count is their number and Lost and Gained count the disagreements (A right and B wrong, the
// reverse), which a paired test needs; from accuracies alone all three are null.
using Successor.Evaluation.Curriculum;

namespace Successor.Evaluation.Statistics;

public sealed record SliceDelta(string Family, int Difficulty, double AccuracyA, double AccuracyB,
    int? Count = null, int? Lost = null, int? Gained = null)
{
    public double Delta => AccuracyB - AccuracyA;

    /// <summary>One delta per slice of two models' answers to the same problems, in the same order.</summary>
    public static List<SliceDelta> Paired(IReadOnlyList<ItemResult> a, IReadOnlyList<ItemResult> b)
    {
        if (a.Count != b.Count)
            throw new ArgumentException($"{a.Count} answers against {b.Count}: a paired comparison needs the same " +
                "problems for both models", nameof(b));
        for (int i = 0; i < a.Count; i++)
            if (a[i].Prompt != b[i].Prompt)
                throw new ArgumentException($"answer {i} is to `{a[i].Prompt}` for one model and `{b[i].Prompt}` " +
                    "for the other: a paired comparison needs the same problems in the same order", nameof(b));
        return [.. a.Zip(b).GroupBy(p => (p.First.Family, p.First.Difficulty))
            .Select(g => new SliceDelta(g.Key.Family, g.Key.Difficulty,
                g.Average(p => p.First.Correct ? 1.0 : 0.0), g.Average(p => p.Second.Correct ? 1.0 : 0.0), g.Count(),
                g.Count(p => p.First.Correct && !p.Second.Correct), g.Count(p => !p.First.Correct && p.Second.Correct)))
            .OrderBy(s => s.Family, StringComparer.Ordinal).ThenBy(s => s.Difficulty)];
    }
}
