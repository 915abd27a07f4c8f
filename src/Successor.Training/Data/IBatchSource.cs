// Where training and validation batches come from: a text split (TokenStream) or anything else that
// can fill (B, T) inputs and next-token targets from a seeded generator. A target of −1 is not
// scored (e.g. the prompt part of a curriculum problem).
using Successor.Tensors;

namespace Successor.Training.Data;

public interface IBatchSource
{
    /// <summary>Fills B rows of T tokens; the draw depends only on rng's state.</summary>
    void Sample(Rng rng, int B, int T, Span<int> inputs, Span<int> targets);
}
