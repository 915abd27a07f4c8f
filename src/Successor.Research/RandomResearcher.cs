// Random search (Bergstra and Bengio 2012): every proposal a uniform draw from the search space. The
// baseline any model-based researcher must beat at equal budget.
using Successor.Tensors;

namespace Successor.Research;

public sealed class RandomResearcher(SearchSpace space) : IResearcher
{
    public string Name => "random";

    public IReadOnlyList<Proposal> Propose(ResearchContext context, int count)
    {
        var rng = Rng.For(context.Seed, 0x4A2D, (ulong)context.Generation);
        return [.. Enumerable.Range(1, count).Select(i => new Proposal($"p{i}",
            space.Overrides([.. space.Dimensions.Select(_ => rng.NextDouble())]), context.Target,
                "uniform draw from the search space"))];
    }
}
