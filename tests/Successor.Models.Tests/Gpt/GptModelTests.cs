// The whole model, every architectural variant: gradients against finite differences (reference
// kernels), and the fast kernels against the reference kernels.
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Tensors.Reference;

namespace Successor.Models.Tests.Gpt;

public sealed unsafe class GptModelTests
{
    static readonly ModelConfig Tiny =
        new() { Layers = 2, Heads = 2, Embedding = 8, BlockSize = 6, VocabSize = 11, MlpRatio = 2 };

    public static TheoryData<string> Variants => [.. VariantConfigs.Keys];

    static readonly Dictionary<string, ModelConfig> VariantConfigs = new()
    {
        ["gpt2: layernorm, gelu, learned, tied"] = Tiny,
        ["biases"] = Tiny with { Bias = true },
        ["rmsnorm, rope, swiglu"] =
            Tiny with { Norm = Norm.RmsNorm, Positions = Positions.Rope, Activation = Activation.SwiGlu },
        ["no positions (NoPE)"] = Tiny with { Positions = Positions.None },
        ["relu squared, untied head"] = Tiny with { Activation = Activation.ReluSquared, TieWeights = false },
        ["digit positions (Abacus)"] = Tiny with { Positions = Positions.Digits, VocabSize = 64 },
    };

    static (int[] Inputs, int[] Targets) Batch(ModelConfig c, int B, int seed)
    {
        var rng = new Rng((ulong)seed);
        var x = new int[B * c.BlockSize];
        var y = new int[B * c.BlockSize];
        // with the byte digits in the vocabulary, half the tokens are digits, so runs of several digits occur
        bool digits = c.VocabSize > '9';
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = digits && rng.NextInt(2) == 0 ? '0' + rng.NextInt(10) : rng.NextInt(c.VocabSize);
            y[i] = rng.NextInt(c.VocabSize);
        }
        y[1] = -1; // an ignored position
        return (x, y);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Whole_model_gradients_match_finite_differences(string variant)
    {
        var c = VariantConfigs[variant];
        using var model = new GptModel(c, new ReferenceKernels());
        model.Initialize(3);
        // larger weights than GPT-2's 0.02 so that every path carries a measurable gradient
        var rng = new Rng(4);
        var p = model.Parameters.Slice(0, (int)model.Parameters.Length);
        for (int i = 0; i < p.Length; i++) p[i] += (float)(rng.NextGaussian() * 0.3);
        const int B = 2;
        var (inputs, targets) = Batch(c, B, 5);
        fixed (int* x = inputs, y = targets)
        {
            int* xp = x, yp = y;
            int valid = targets.Count(t => t >= 0);
            double Loss() => model.Forward(xp, yp, B, c.BlockSize) * (double)valid;
            model.Gradients.Clear();
            model.ForwardBackward(x, y, B, c.BlockSize, 1f, dropoutSeed: 0);
            foreach (var t in model.Layout.Tensors)
            {
                // a few elements of every tensor
                for (int k = 0; k < Math.Min(3, t.Count); k++)
                {
                    long i = t.Offset + rng.NextInt(t.Count);
                    GradientCheckAt(model, i, model.Gradients.Pointer[i], Loss, $"{variant}: {t.Name}");
                }
            }
        }
    }

    /// <summary>Asserts that an analytic gradient of parameter i matches central finite differences of loss.</summary>
    internal static void GradientCheckAt(GptModel model, long i, double analytic, Func<double> loss, string what)
    {
        const float Eps = 1e-2f;
        float* w = model.Parameters.Pointer;
        float saved = w[i];
        w[i] = saved + Eps;
        double plus = loss();
        w[i] = saved - Eps;
        double minus = loss();
        w[i] = saved;
        double numeric = (plus - minus) / (2 * Eps);
        double error = Math.Abs(numeric - analytic) / Math.Max(1e-1, Math.Abs(numeric) + Math.Abs(analytic));
        Assert.True(error < 2e-2, $"{what}: analytic {analytic:G6} vs numeric {numeric:G6}");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    [InlineData("dropout")]
    public void Fast_kernels_give_the_reference_model_loss_and_gradients(string variant)
    {
        var c = variant == "dropout" ? Tiny with { Dropout = 0.2f, BlockSize = 70, Embedding = 24, Heads = 3 }
            : VariantConfigs[variant] with { BlockSize = 70, Embedding = 24, Heads = 3 };
        var (inputs, targets) = Batch(c, 3, 6);
        (float Loss, float[] Grads) Run(IKernels kernels)
        {
            using var model = new GptModel(c, kernels);
            model.Initialize(7);
            fixed (int* x = inputs, y = targets)
            {
                float loss = model.ForwardBackward(x, y, 3, c.BlockSize, 1f / inputs.Length, dropoutSeed: 9);
                return (loss, model.Gradients.Slice(0, (int)model.Gradients.Length).ToArray());
            }
        }
        var (refLoss, refGrads) = Run(new ReferenceKernels());
        var (fastLoss, fastGrads) = Run(new FastKernels());
        Assert.Equal(refLoss, fastLoss, 4);
        for (int i = 0; i < refGrads.Length; i++)
            Assert.True(MathF.Abs(refGrads[i] - fastGrads[i]) <= 1e-4f + 1e-3f * MathF.Abs(refGrads[i]),
                $"gradient {i}: reference {refGrads[i]:G6}, fast {fastGrads[i]:G6}");
    }

    [Fact]
    public void Fast_kernels_hold_no_attention_probabilities()
    {
        const int B = 2, T = 16;
        var c = new ModelConfig { Layers = 3, Heads = 2, Embedding = 16, BlockSize = T };
        long Floats(IKernels kernels)
        {
            using var model = new GptModel(c, kernels);
            model.Initialize(3);
            var tokens = new int[B * T];
            fixed (int* x = tokens) model.ForwardBackward(x, x, B, T, 1f / (B * T), dropoutSeed: 1);
            return model.ActivationFloats;
        }
        // att per layer and the shared datt, B·NH·T·T floats each, kept by the reference kernels only
        Assert.Equal((c.Layers + 1L) * B * c.Heads * T * T, Floats(new ReferenceKernels()) - Floats(new FastKernels()));
    }

    [Fact]
    public void Parameter_count_matches_the_gpt2_formula()
    {
        var c = new ModelConfig { Layers = 6, Heads = 6, Embedding = 384, BlockSize = 256 };
        using var model = new GptModel(c, new ReferenceKernels());
        long C = 384, L = 6;
        long expected = 256 * C + 256 * C + L * (12 * C * C + 2 * C) + C; // wte, wpe, blocks (no biases), lnf
        Assert.Equal(expected, model.Layout.Count);
    }

    [Fact]
    public void Tokens_outside_the_vocabulary_are_refused()
    {
        using var model = new GptModel(Tiny, new ReferenceKernels());
        var x = new int[Tiny.BlockSize];
        x[2] = Tiny.VocabSize;
        fixed (int* p = x)
        {
            int* xp = p;
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Forward(xp, null, 1, Tiny.BlockSize));
            Assert.Contains("outside the vocabulary", e.Message);
        }
    }
}
