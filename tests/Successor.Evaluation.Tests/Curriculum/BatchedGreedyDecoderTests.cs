// The batched KV-cache decoder gives exactly what one-at-a-time greedy generation gives, for every
// architecture option, with prompts of different lengths in one batch.
using Successor.Evaluation.Curriculum;
using Successor.Models.Generation;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;
using Successor.Tensors.Fast;

namespace Successor.Evaluation.Tests.Curriculum;

public sealed class BatchedGreedyDecoderTests
{
    public static TheoryData<Activation, Norm, Positions> Architectures => new()
    {
        { Activation.Gelu, Norm.LayerNorm, Positions.Learned },
        { Activation.SwiGlu, Norm.RmsNorm, Positions.Rope },
        { Activation.ReluSquared, Norm.LayerNorm, Positions.Rope },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Batched_decoding_matches_sequential_greedy_generation(Activation activation, Norm norm,
        Positions positions)
    {
        var config = new ModelConfig { Layers = 2, Heads = 2, Embedding = 32, BlockSize = 24, Activation = activation,
            Norm = norm, Positions = positions, Bias = true };
        using var model = new GptModel(config, new FastKernels());
        model.Initialize(42);
        // Larger weights than the default init so greedy outputs vary with the prompt.
        var p = model.Parameters.Slice(0, (int)model.Parameters.Length);
        for (int i = 0; i < p.Length; i++) p[i] *= 12f;
        string[] prompts = ["radd 12+34=", "a", "copy hello=", "sort 5,3,1,22=", "xyzzy"];
        using var decoder = new BatchedGreedyDecoder(model, 8);
        var batched = decoder.Decode([.. prompts.Select(ByteTokenizer.Encode)], maxTokens: 8, stop: -1);
        for (int i = 0; i < prompts.Length; i++)
        {
            var prompt = ByteTokenizer.Encode(prompts[i]);
            int room = Math.Min(8, config.BlockSize - prompt.Length + 1);
            var expected = Generator.Generate(model, prompt, room, new SamplingOptions(Temperature: 0)).ToList();
            Assert.Equal(expected, batched[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public unsafe void Batched_decoding_matches_the_argmax_of_a_full_forward_pass(Activation activation, Norm norm,
        Positions positions)
    {
        var config = new ModelConfig { Layers = 2, Heads = 2, Embedding = 32, BlockSize = 16, Activation = activation,
            Norm = norm, Positions = positions };
        using var model = new GptModel(config, new FastKernels());
        model.Initialize(7);
        var p = model.Parameters.Slice(0, (int)model.Parameters.Length);
        for (int i = 0; i < p.Length; i++) p[i] *= 12f;
        using var decoder = new BatchedGreedyDecoder(model, 2);
        var prompts = new[] { ByteTokenizer.Encode("radd 1+2="), ByteTokenizer.Encode("kv") };
        var batched = decoder.Decode(prompts, maxTokens: 5, stop: -1);
        for (int r = 0; r < prompts.Length; r++)
        {
            var context = prompts[r].ToList();
            for (int step = 0; step < 5; step++)
            {
                var x = context.ToArray();
                fixed (int* inputs = x) model.Forward(inputs, null, 1, x.Length);
                int next = Sampler.ArgMax(
                    new ReadOnlySpan<float>(model.Logits + (long)(x.Length - 1) * config.VocabSize, config.VocabSize));
                Assert.Equal(next, batched[r][step]);
                context.Add(next);
            }
        }
    }

    [Fact]
    public void Decoding_stops_at_the_stop_token_and_at_the_block_size()
    {
        var config = new ModelConfig { Layers = 1, Heads = 2, Embedding = 16, BlockSize = 8 };
        using var model = new GptModel(config, new FastKernels());
        model.Initialize(1);
        using var decoder = new BatchedGreedyDecoder(model, 2);
        var outputs = decoder.Decode([ByteTokenizer.Encode("abcdef"), ByteTokenizer.Encode("abcdefghij")],
            maxTokens: 100, stop: -1);
        Assert.Equal(3, outputs[0].Count); // positions 5, 6 and 7 each predict one token, then the block is full
        Assert.Empty(outputs[1]);          // the prompt alone fills the context
    }
}
