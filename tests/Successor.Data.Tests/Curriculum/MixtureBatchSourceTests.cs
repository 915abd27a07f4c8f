// Mixed batches draw whole rows from either source in the given proportion, deterministically.
using Successor.Data.Curriculum;
using Successor.Tensors;
using Successor.Training.Data;

namespace Successor.Data.Tests.Curriculum;

public sealed class MixtureBatchSourceTests
{
    [Fact]
    public void Rows_come_from_both_sources_in_proportion_and_the_draw_is_deterministic()
    {
        var text = new TokenStream([.. Enumerable.Repeat((int)'x', 500)]);
        var curriculum = new CurriculumBatchSource([TaskFamilies.Get("copy")], 2, 4, CurriculumSplit.Train);
        var mix = new MixtureBatchSource(curriculum, text, 0.25);
        int B = 400, T = 16;
        var inputs = new int[B * T];
        var targets = new int[B * T];
        mix.Sample(new Rng(1), B, T, inputs, targets);
        int textRows = Enumerable.Range(0, B).Count(b => inputs.AsSpan(b * T, T).ToArray().All(t => t == 'x'));
        Assert.InRange(textRows, 70, 130);
        var again = new int[B * T];
        mix.Sample(new Rng(1), B, T, again, new int[B * T]);
        Assert.Equal(inputs, again);
        Assert.Throws<ArgumentException>(() => new MixtureBatchSource(curriculum, text, 1.5));
    }
}
