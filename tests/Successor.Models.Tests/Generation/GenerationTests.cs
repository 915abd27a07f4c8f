// The KV cache gives the same next-token logits as a full forward pass; sampling obeys its options.
using Successor.Models.Generation;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Kernels;

namespace Successor.Models.Tests.Generation;

public sealed unsafe class GenerationTests
{
    [Theory]
    [InlineData(Positions.Learned, Activation.Gelu, Norm.LayerNorm, true)]
    [InlineData(Positions.Rope, Activation.SwiGlu, Norm.RmsNorm, false)]
    [InlineData(Positions.None, Activation.Gelu, Norm.LayerNorm, false)]
    public void Kv_cache_logits_equal_full_forward_logits_at_every_position(Positions positions, Activation activation, Norm norm, bool bias)
    {
        var c = new ModelConfig { Layers = 2, Heads = 2, Embedding = 16, BlockSize = 12, VocabSize = 20, Positions = positions, Activation = activation, Norm = norm, Bias = bias };
        using var model = new GptModel(c, new FastKernels());
        model.Initialize(11);
        var rng = new Rng(12);
        var p = model.Parameters.Slice(0, (int)model.Parameters.Length);
        for (int i = 0; i < p.Length; i++) p[i] += (float)(rng.NextGaussian() * 0.2);
        var tokens = Enumerable.Range(0, c.BlockSize).Select(_ => rng.NextInt(c.VocabSize)).ToArray();
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
        var seen = Enumerable.Range(0, 500).Select(_ => Sampler.Next(logits, new SamplingOptions(TopP: 0.9f), rng)).ToHashSet();
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
