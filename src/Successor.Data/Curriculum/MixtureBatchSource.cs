// Two batch sources mixed row by row: each row comes from `second` with probability `fraction`, else
// from `first`. Used to mix text (e.g. model-generated data) into curriculum training — mixed in, never
// substituted — after the contamination guard has checked it.
using Successor.Tensors;
using Successor.Training.Data;

namespace Successor.Data.Curriculum;

public sealed class MixtureBatchSource(IBatchSource first, IBatchSource second, double fraction) : IBatchSource
{
    public double Fraction { get; } =
        fraction is >= 0 and <= 1 ? fraction
        : throw new ArgumentException($"--mix-fraction is {fraction}; it must be in [0, 1]");

    public void Sample(Rng rng, int B, int T, Span<int> inputs, Span<int> targets)
    {
        for (int b = 0; b < B; b++)
        {
            var source = rng.NextDouble() < Fraction ? second : first;
            source.Sample(Rng.For(rng.NextULong()), 1, T, inputs.Slice(b * T, T), targets.Slice(b * T, T));
        }
    }
}
