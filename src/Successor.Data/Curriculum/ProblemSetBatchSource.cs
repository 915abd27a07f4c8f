// A fixed set of problems as training rows — the kept, verified self-generated data of a lab — one per row from
// position 0, scored on answers only (as CurriculumBatchSource does). Drawn uniformly, or by length: a length
// (family and prompt length) first, uniformly, then a problem of it. A filter keeps more of the lengths a model
// already answers, so drawn uniformly the kept data teaches mostly what is known and the newest length, the one a
// successor exists to learn, is a few rows in a hundred; by length, every length weighs the same, as in Lee et al.
// (ICML 2025), who add an equal set for each new length.
using Successor.Tensors;
using Successor.Training.Data;

namespace Successor.Data.Curriculum;

public sealed class ProblemSetBatchSource : IBatchSource
{
    readonly Problem[][] strata;

    public ProblemSetBatchSource(IReadOnlyList<Problem> problems, bool byLength = false)
    {
        Problems = problems.Count > 0 ? problems
            : throw new DataException(
                "self-generated data: the problem set is empty; nothing was kept, so there is nothing to mix in");
        // Strata in a fixed order (family, then prompt length), so the same set and seed draw the same rows.
        strata = byLength
            ? [.. problems.GroupBy(p => (Family: Problem.FamilyOf(p.Prompt), p.Prompt.Length))
                .OrderBy(g => g.Key.Family, StringComparer.Ordinal).ThenBy(g => g.Key.Length)
                .Select(g => g.ToArray())]
            : [[.. problems]];
    }

    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>The lengths drawn from, each equally often (one, holding every problem, when not by
    /// length).</summary>
    public int Strata => strata.Length;

    public void Sample(Rng rng, int B, int T, Span<int> inputs, Span<int> targets)
    {
        for (int b = 0; b < B; b++)
        {
            // One stratum takes no draw, so a set drawn uniformly gives the rows it gave before strata existed.
            var stratum = strata.Length == 1 ? strata[0] : strata[rng.NextInt(strata.Length)];
            CurriculumBatchSource.FillRow(stratum[rng.NextInt(stratum.Length)], inputs.Slice(b * T, T),
                targets.Slice(b * T, T));
        }
    }
}
