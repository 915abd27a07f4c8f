// The KV cache gives the same next-token logits as a full forward pass; sampling obeys its options.
using Successor.Models.Generation;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Fast;

namespace Successor.Models.Tests.Generation;

public sealed unsafe class GenerationTests
{
    [Theory]
    [InlineData(Positions.Learned, Activation.Gelu, Norm.LayerNorm, true)]
    [InlineData(Positions.Rope, Activation.SwiGlu, Norm.RmsNorm, false)]
    [InlineData(Positions.None, Activation.Gelu, Norm.LayerNorm, false)]
    [InlineData(Positions.Digits, Activation.Gelu, Norm.LayerNorm, true)]
    public void Kv_cache_logits_equal_full_forward_logits_at_every_position(Positions positions, Activation activation,
        Norm norm, bool bias)
    {
        var c = new ModelConfig { Layers = 2, Heads = 2, Embedding = 16, BlockSize = 12, VocabSize = 64,
            Positions = positions, Activation = activation, Norm = norm, Bias = bias };
        using var model = Perturbed(c);
        var tokens = Tokens(new Rng(12), c.BlockSize);
        tokens[0] = '1'; // starts and ends with a digit, so a run carried over a Reset would show
        tokens[^1] = '9';
        fixed (int* x = tokens) model.Forward(x, null, 1, c.BlockSize);
        var full = new Span<float>(model.Logits, c.BlockSize * c.VocabSize).ToArray();
        using var decoder = new KvCacheDecoder(model);
        for (int t = 0; t < c.BlockSize; t++)
        {
            decoder.Push(tokens[t]);
            for (int v = 0; v < c.VocabSize; v++)
                Assert.True(MathF.Abs(full[t * c.VocabSize + v] - decoder.Logits[v]) < 1e-4f,
                    $"position {t}, token {v}: full {full[t * c.VocabSize + v]}, cached {decoder.Logits[v]}");
        }
        Assert.Throws<InvalidOperationException>(() => decoder.Push(0));
        // After Reset the digit runs start again, as in a fresh full forward.
        decoder.Reset();
        decoder.Push(tokens[0]);
        for (int v = 0; v < c.VocabSize; v++)
            Assert.True(MathF.Abs(full[v] - decoder.Logits[v]) < 1e-4f, $"after Reset, token {v}");
    }

    static GptModel Perturbed(ModelConfig c)
    {
        var model = new GptModel(c, new FastKernels());
        model.Initialize(11);
        var rng = new Rng(13);
        var p = model.Parameters.Slice(0, (int)model.Parameters.Length);
        for (int i = 0; i < p.Length; i++) p[i] += (float)(rng.NextGaussian() * 0.2);
        return model;
    }

    /// <summary>Runs of digits ('0'..'9') between other tokens below 48, so digit positions see varied runs.</summary>
    static int[] Tokens(Rng rng, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => rng.NextInt(3) == 0 ? rng.NextInt(48) : '0' + rng.NextInt(10))];

    [Fact]
    public void Batched_rows_at_different_digit_ids_in_one_step_match_a_full_forward()
    {
        var c = new ModelConfig { Layers = 2, Heads = 2, Embedding = 16, BlockSize = 10, VocabSize = 128,
            Positions = Positions.Digits, DigitOffset = 2 };
        using var model = Perturbed(c);
        const int R = 3;
        // Row 0 "radd 12+3", row 1 all digits, row 2 random: at step 4 their ids are 0, 5 and whatever.
        int[] tokens = [.. "radd 12+34"u8.ToArray().Select(b => (int)b),
            .. "0123456789"u8.ToArray().Select(b => (int)b), .. Tokens(new Rng(14), c.BlockSize)];
        fixed (int* x = tokens) model.Forward(x, null, R, c.BlockSize);
        var full = new Span<float>(model.Logits, R * c.BlockSize * c.VocabSize).ToArray();
        using var cache = new BatchedKvCache(model, R);
        for (int s = 0; s < c.BlockSize; s++)
        {
            cache.Step([tokens[s], tokens[c.BlockSize + s], tokens[2 * c.BlockSize + s]], s);
            for (int r = 0; r < R; r++)
            for (int v = 0; v < c.VocabSize; v++)
            {
                float expected = full[((long)r * c.BlockSize + s) * c.VocabSize + v],
                    cached = cache.Logits[(long)r * c.VocabSize + v];
                Assert.True(MathF.Abs(expected - cached) < 1e-4f,
                    $"row {r}, position {s}, token {v}: full {expected}, cached {cached}");
            }
        }
    }

    [Fact]
    public void A_digit_shift_reads_the_position_table_k_rows_further_on_and_nothing_else()
    {
        var c = new ModelConfig { Layers = 2, Heads = 2, Embedding = 16, BlockSize = 10, VocabSize = 128,
            Positions = Positions.Digits, DigitOffset = 3 };
        const int k = 2;
        using var model = Perturbed(c);
        // the twin: the same weights, its position table moved up k rows, so its row i is the model's row i + k
        using var twin = Perturbed(c);
        long width = c.Embedding;
        var table = model.Layout["wpe"];
        var p = model.Parameters.Slice(0, (int)model.Parameters.Length);
        var q = twin.Parameters.Slice(0, (int)twin.Parameters.Length);
        for (int row = 0; row + k < c.DigitPositionRows; row++)
            p.Slice((int)(table.Offset + (row + k) * width), c.Embedding)
                .CopyTo(q.Slice((int)(table.Offset + row * width), c.Embedding));
        int[] tokens = [.. "radd 12+34"u8.ToArray().Select(b => (int)b)];
        using var shifted = new BatchedKvCache(model, 1, digitShift: k);
        using var plain = new BatchedKvCache(twin, 1);
        using var unshifted = new BatchedKvCache(model, 1);
        bool differs = false;
        for (int s = 0; s < tokens.Length; s++)
        {
            shifted.Step([tokens[s]], s);
            plain.Step([tokens[s]], s);
            unshifted.Step([tokens[s]], s);
            for (int v = 0; v < c.VocabSize; v++)
            {
                Assert.Equal(plain.Logits[v], shifted.Logits[v]);
                differs |= unshifted.Logits[v] != shifted.Logits[v];
            }
        }
        Assert.True(differs, "a shift of 2 changed no logit: the shift is not applied");
        Assert.Contains("must be in [0, 3]", Assert.Throws<ArgumentException>(() => new BatchedKvCache(model, 1, 4))
            .Message);
        using var learned = Perturbed(c with { Positions = Positions.Learned, DigitOffset = 0 });
        Assert.Contains("needs digit positions", Assert.Throws<ArgumentException>(() =>
            new BatchedKvCache(learned, 1, 1)).Message);
    }

    [Fact]
    public void Generation_continues_past_the_block_size_and_repeats_with_the_same_seed()
    {
        var c = new ModelConfig { Layers = 1, Heads = 2, Embedding = 16, BlockSize = 8, VocabSize = 30 };
        using var model = new GptModel(c, new FastKernels());
        model.Initialize(1);
        var options = new SamplingOptions(Temperature: 1f, Seed: 5);
        var first = Generator.Generate(model, [1, 2, 3], 40, options).ToArray();
        var second = Generator.Generate(model, [1, 2, 3], 40, options).ToArray();
        var other = Generator.Generate(model, [1, 2, 3], 40, options with { Seed = 6 }).ToArray();
        Assert.Equal(40, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.All(first, t => Assert.InRange(t, 0, c.VocabSize - 1));
    }

    [Fact]
    public void Greedy_and_top_k_of_one_pick_the_largest_logit()
    {
        float[] logits = [0.1f, 2.5f, -1f, 2.4f];
        var rng = new Rng(1);
        Assert.Equal(1, Sampler.Next(logits, new SamplingOptions(Temperature: 0f), rng));
        for (int i = 0; i < 50; i++) Assert.Equal(1, Sampler.Next(logits, new SamplingOptions(TopK: 1), rng));
    }

    [Fact]
    public void Top_p_samples_only_from_the_nucleus()
    {
        float[] logits = [5f, 4.9f, 0f, -1f, -2f];   // the first two hold > 95% of the mass
        var rng = new Rng(2);
        var seen = Enumerable.Range(0, 500).Select(_ => Sampler.Next(logits, new SamplingOptions(TopP: 0.9f), rng))
            .ToHashSet();
        Assert.Equal(new HashSet<int> { 0, 1 }, seen);
    }

    [Fact]
    public void Sampling_frequencies_follow_the_softmax()
    {
        float[] logits = [0f, MathF.Log(3f)];        // probabilities 1/4 and 3/4
        var rng = new Rng(3);
        int ones = Enumerable.Range(0, 20000).Count(_ => Sampler.Next(logits, new SamplingOptions(), rng) == 1);
        Assert.InRange(ones / 20000.0, 0.74, 0.76);
    }

    [Theory]
    [InlineData(-1f, 0, 1f, "temperature")]
    [InlineData(1f, -2, 1f, "top_k")]
    [InlineData(1f, 0, 0f, "top_p")]
    public void Invalid_sampling_options_are_refused_by_name(float temperature, int topK, float topP, string field)
    {
        Assert.StartsWith(field, new SamplingOptions(temperature, topK, topP).Validate());
    }
}
