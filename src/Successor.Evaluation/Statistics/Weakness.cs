// One weak slice of the curriculum with a few of the model's failures on it.
using Successor.Evaluation.Curriculum;

namespace Successor.Evaluation.Statistics;

public sealed record Weakness(SliceResult Slice, IReadOnlyList<ItemResult> Failures);
