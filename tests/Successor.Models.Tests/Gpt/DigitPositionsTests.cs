// Abacus digit positions: the ids of a hand-written problem, the training offsets (seeded, evaluation
// free of them), and gradients through the offset ids against finite differences.
using System.Text;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Reference;

namespace Successor.Models.Tests.Gpt;

public sealed unsafe class DigitPositionsTests
{
    static readonly ModelConfig Tiny = new()
    {
        Layers = 2, Heads = 2, Embedding = 8, BlockSize = 12, VocabSize = 64, MlpRatio = 2,
        Positions = Positions.Digits,
    };

    static int[] Bytes(string text) => [.. Encoding.ASCII.GetBytes(text).Select(b => (int)b)];

    static int[] Ids(string[] rows, int[]? offsets)
    {
        int T = rows[0].Length;
        int[] tokens = [.. rows.SelectMany(Bytes)], ids = new int[tokens.Length];
        fixed (int* i = ids, t = tokens) DigitPositions.Ids(i, t, offsets, rows.Length, T);
        return ids;
    }

    [Fact]
    public void The_ith_digit_of_every_number_and_of_the_reversed_answer_gets_id_i()
    {
        Assert.Equal([0, 0, 0, 0, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], Ids(["radd 321+654=975"], null));
    }

    [Fact]
    public void Each_row_starts_a_new_run_and_its_offset_shifts_every_id_of_the_row()
    {
        // The first row ends inside a run of digits; the second row's first digit is still id 1.
        string[] rows = ["radd 321+654=975", "45+6=51\n\n\n\n\n\n\n\n\n"];
        int[] expected =
            [0, 0, 0, 0, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 1, 2, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(expected, Ids(rows, null));
        int[] shifted = [.. expected.Select((id, i) => id + (i < 16 ? 0 : 5))];
        Assert.Equal(shifted, Ids(rows, [0, 5]));
    }

    [Fact]
    public void Training_offsets_are_fixed_by_the_seed_differ_across_seeds_and_cover_the_range()
    {
        var a = DigitPositions.Offsets(seed: 41, B: 200, maxOffset: 20);
        Assert.Equal(a, DigitPositions.Offsets(41, 200, 20));
        Assert.NotEqual(a, DigitPositions.Offsets(42, 200, 20));
        Assert.Equal(Enumerable.Range(0, 21), a.Distinct().Order());
        Assert.All(DigitPositions.Offsets(41, 200, 0), k => Assert.Equal(0, k));
    }

    static (int[] Inputs, int[] Targets) Batch(int B, int T, ulong seed)
    {
        var rng = new Rng(seed);
        var x = new int[B * T];
        var y = new int[B * T];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = rng.NextInt(3) == 0 ? '+' : '0' + rng.NextInt(10);
            y[i] = '0' + rng.NextInt(10);
        }
        return (x, y);
    }

    static GptModel Model(ModelConfig c, ulong seed)
    {
        var model = new GptModel(c, new ReferenceKernels());
        model.Initialize(seed);
        // larger weights than GPT-2's 0.02 so that every path carries a measurable gradient
        var rng = new Rng(seed + 1);
        var p = model.Parameters.Slice(0, (int)model.Parameters.Length);
        for (int i = 0; i < p.Length; i++) p[i] += (float)(rng.NextGaussian() * 0.3);
        return model;
    }

    [Fact]
    public void The_training_loss_repeats_with_a_seed_and_changes_with_another_while_evaluation_has_no_offset()
    {
        const int B = 8;
        var c = Tiny with { DigitOffset = 6 };
        using var model = Model(c, 3);
        using var unshifted = Model(c with { DigitOffset = 0, MaxDigitPosition = c.BlockSize + 6 }, 3);
        var (inputs, targets) = Batch(B, c.BlockSize, 4);
        fixed (int* x = inputs, y = targets)
        {
            float first = model.ForwardBackward(x, y, B, c.BlockSize, 1f, dropoutSeed: 17);
            float again = model.ForwardBackward(x, y, B, c.BlockSize, 1f, dropoutSeed: 17);
            float other = model.ForwardBackward(x, y, B, c.BlockSize, 1f, dropoutSeed: 18);
            Assert.Equal(first, again);
            Assert.NotEqual(first, other);
            // Same layout and weights: evaluation is the unshifted model's, and so is training without offsets.
            Assert.Equal(unshifted.Forward(x, y, B, c.BlockSize), model.Forward(x, y, B, c.BlockSize));
            Assert.Equal(unshifted.Forward(x, y, B, c.BlockSize),
                unshifted.ForwardBackward(x, y, B, c.BlockSize, 1f, dropoutSeed: 17));
            Assert.NotEqual(model.Forward(x, y, B, c.BlockSize), first);
        }
    }

    [Fact]
    public void Gradients_through_offset_digit_ids_match_finite_differences()
    {
        const int B = 3;
        const ulong Seed = 23;
        var c = Tiny with { DigitOffset = 4 };
        using var model = Model(c, 5);
        var (inputs, targets) = Batch(B, c.BlockSize, 6);
        fixed (int* x = inputs, y = targets)
        {
            int* xp = x, yp = y;
            // the summed training loss with this seed's offsets; ForwardBackward's own gradients are not used
            double Loss() => model.ForwardBackward(xp, yp, B, c.BlockSize, 1f, Seed) * (double)inputs.Length;
            model.Gradients.Clear();
            model.ForwardBackward(x, y, B, c.BlockSize, 1f, Seed);
            var analytic = model.Gradients.Slice(0, (int)model.Gradients.Length).ToArray();
            var wpe = model.Layout["wpe"];
            int checkedRows = 0;
            for (int row = 0; row < c.DigitPositionRows; row++)
            {
                long first = wpe.Offset + (long)row * c.Embedding;
                bool used = Enumerable.Range(0, c.Embedding).Any(j => analytic[first + j] != 0);
                if (!used) continue;
                checkedRows++;
                for (int j = 0; j < c.Embedding; j++)
                    GptModelTests.GradientCheckAt(model, first + j, analytic[first + j], Loss, $"wpe[{row}, {j}]");
            }
            // ids 0 (the '+'), 1 and beyond the offset of 4: every row a run of up to 12 digits reaches
            Assert.True(checkedRows >= 8, $"only {checkedRows} rows of wpe carry a gradient");
            var wte = model.Layout["wte"];
            for (int j = 0; j < c.Embedding; j++)
                GptModelTests.GradientCheckAt(model, wte.Offset + '7' * c.Embedding + j,
                    analytic[wte.Offset + '7' * c.Embedding + j], Loss, $"wte['7', {j}]");
        }
    }
}
