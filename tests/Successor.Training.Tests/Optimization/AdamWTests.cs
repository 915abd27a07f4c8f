// AdamW against a plain double-precision transcription of Loshchilov and Hutter's update (as PyTorch's
// AdamW computes it), and weight decay only where the recipe says.
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Reference;
using Successor.Training.Optimization;

namespace Successor.Training.Tests.Optimization;

public sealed unsafe class AdamWTests
{
    static readonly ModelConfig Tiny =
        new() { Layers = 1, Heads = 2, Embedding = 12, BlockSize = 5, VocabSize = 9, Bias = true };

    [Fact]
    public void Updates_match_the_reference_formula_over_several_steps()
    {
        using var model = new GptModel(Tiny, new ReferenceKernels());
        model.Initialize(1);
        using var adam = new AdamW(model, decayEmbeddings: false);
        long n = model.Parameters.Length;
        var p = new double[n]; var m = new double[n]; var v = new double[n];
        for (long i = 0; i < n; i++) p[i] = model.Parameters.Pointer[i];
        var decays = new bool[n];
        var used = new List<long>(); // arena positions that belong to a tensor (not alignment padding)
        foreach (var t in model.Layout.Tensors)
            for (int i = 0; i < t.Count; i++) { decays[t.Offset + i] = t.IsMatrix; used.Add(t.Offset + i); }
        var rng = new Rng(2);
        double[] lrs = [1e-3, 3e-3, 5e-4];
        const double B1 = 0.9, B2 = 0.99, Eps = 1e-8, Wd = 0.1;
        const float Scale = 0.5f;
        for (int step = 1; step <= lrs.Length; step++)
        {
            for (long i = 0; i < n; i++) model.Gradients.Pointer[i] = (float)rng.NextGaussian();
            foreach (long i in used)
            {
                double g = model.Gradients.Pointer[i] * (double)Scale, lr = lrs[step - 1];
                if (decays[i]) p[i] *= 1 - lr * Wd;
                m[i] = B1 * m[i] + (1 - B1) * g;
                v[i] = B2 * v[i] + (1 - B2) * g * g;
                p[i] -= lr * (m[i] / (1 - Math.Pow(B1, step))) / (Math.Sqrt(v[i] / (1 - Math.Pow(B2, step))) + Eps);
            }
            adam.Update(lrs[step - 1], B1, B2, Eps, Wd, Scale);
        }
        foreach (long i in used)
            Assert.True(Math.Abs(model.Parameters.Pointer[i] - p[i]) < 1e-6 + 1e-5 * Math.Abs(p[i]),
                $"parameter {i}: {model.Parameters.Pointer[i]} vs {p[i]}");
        Assert.Equal(3, adam.Step);
    }

    [Fact]
    public void An_update_that_clears_the_gradients_moves_the_parameters_by_the_same_bits()
    {
        using var kept = new GptModel(Tiny, new ReferenceKernels());
        using var cleared = new GptModel(Tiny, new ReferenceKernels());
        kept.Initialize(1);
        cleared.Initialize(1);
        using var adamKept = new AdamW(kept, decayEmbeddings: false);
        using var adamCleared = new AdamW(cleared, decayEmbeddings: false);
        var rng = new Rng(3);
        for (int step = 0; step < 2; step++)
        {
            foreach (var t in kept.Layout.Tensors) // the tensors' gradients; the alignment padding stays zero
                for (long i = t.Offset; i < t.Offset + t.Count; i++)
                    kept.Gradients.Pointer[i] = cleared.Gradients.Pointer[i] = (float)rng.NextGaussian();
            adamKept.Update(1e-3, 0.9, 0.99, 1e-8, 0.1, 0.5f);
            adamCleared.Update(1e-3, 0.9, 0.99, 1e-8, 0.1, 0.5f, clearGradients: true);
        }
        Assert.Equal(kept.Parameters.Slice(0, (int)kept.Parameters.Length).ToArray(),
            cleared.Parameters.Slice(0, (int)cleared.Parameters.Length).ToArray());
        Assert.All(cleared.Gradients.Slice(0, (int)cleared.Gradients.Length).ToArray(), g => Assert.Equal(0f, g));
        Assert.Contains(kept.Gradients.Slice(0, (int)kept.Gradients.Length).ToArray(), g => g != 0f);
    }

    [Fact]
    public void Weight_decay_touches_matrices_but_not_norms_biases_or_embeddings()
    {
        using var model = new GptModel(Tiny, new ReferenceKernels());
        model.Initialize(1);
        var before = model.Parameters.Slice(0, (int)model.Parameters.Length).ToArray();
        using var adam = new AdamW(model, decayEmbeddings: false);
        adam.Update(lr: 0.1, beta1: 0.9, beta2: 0.99, epsilon: 1e-8, weightDecay: 0.5, gradScale: 1f); // zero gradients
        foreach (var t in model.Layout.Tensors)
        {
            float factor = t.IsMatrix ? 0.95f : 1f;
            for (int i = 0; i < t.Count; i++)
                Assert.Equal(before[t.Offset + i] * factor, model.Parameters.Pointer[t.Offset + i], 6);
        }
    }

    [Fact]
    public void The_gradient_norm_is_the_l2_norm_of_every_gradient()
    {
        using var model = new GptModel(Tiny, new ReferenceKernels());
        using var adam = new AdamW(model, decayEmbeddings: false);
        double expected = 0;
        var rng = new Rng(3);
        foreach (var t in model.Layout.Tensors)
            for (int i = 0; i < t.Count; i++)
            {
                float g = (float)rng.NextGaussian();
                model.Gradients.Pointer[t.Offset + i] = g;
                expected += (double)g * g;
            }
        Assert.Equal(Math.Sqrt(expected), adam.GradientNorm(), 4);
    }
}
