// The lab's paired bootstrap: Successor.Statistics.PairedBootstrap drawing its resampled items from the
// lab's seeded generator (stream 0xB007 of the seed), so a comparison made again with the same seed, on
// any machine, gives the same numbers to the last bit.
using Successor.Statistics;
using Successor.Tensors;

namespace Successor.Evaluation.Statistics;

public static class SeededBootstrap
{
    public static Comparison Compare(IReadOnlyList<double> a, IReadOnlyList<double> b,
        int resamples = PairedBootstrap.DefaultResamples, ulong seed = 0, double confidence = 0.95) =>
        PairedBootstrap.Compare(a, b, resamples, Rng.For(seed, 0xB007).NextInt, confidence);
}
