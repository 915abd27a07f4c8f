// A fixed set of problems as training rows — the kept, verified self-generated data of a lab — drawn
// uniformly, one per row from position 0, scored on answers only (as CurriculumBatchSource does).
using Successor.Tensors;
using Successor.Training.Data;

namespace Successor.Data.Curriculum;

public sealed class ProblemSetBatchSource(IReadOnlyList<Problem> problems) : IBatchSource
{
    public IReadOnlyList<Problem> Problems { get; } = problems.Count > 0 ? problems
        : throw new DataException(
            "self-generated data: the problem set is empty; nothing was kept, so there is nothing to mix in");

    public void Sample(Rng rng, int B, int T, Span<int> inputs, Span<int> targets)
    {
        for (int b = 0; b < B; b++)
            CurriculumBatchSource.FillRow(Problems[rng.NextInt(Problems.Count)], inputs.Slice(b * T, T),
                targets.Slice(b * T, T));
    }
}
