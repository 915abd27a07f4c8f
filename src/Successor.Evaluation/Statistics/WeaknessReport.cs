// The weakness report: the worst family × difficulty slices by accuracy, each with example failures
// (prompt, expected, what the model said): what a generation's weakness analysis, on public validation, reads.
using Successor.Evaluation.Curriculum;

namespace Successor.Evaluation.Statistics;

public static class WeaknessReport
{
    public static List<Weakness> Worst(IReadOnlyList<ItemResult> items, int slices = 5, int examples = 3) =>
        [.. CurriculumEvaluator.Slices(items)
            .Where(s => s.Correct < s.Count)
            .OrderBy(s => s.Accuracy).ThenBy(s => s.Family, StringComparer.Ordinal).ThenBy(s => s.Difficulty)
            .Take(slices)
            .Select(s =>
                new Weakness(s,
                    [.. items.Where(i => i.Family == s.Family && i.Difficulty == s.Difficulty && !i.Correct)
                        .Take(examples)]))];
}
