// AdamW (Loshchilov and Hutter 2019): Adam with decoupled weight decay, applied only to the tensors
// the recipe decays (weight matrices; embeddings on request; never norms or biases).
// Moments live in two arenas laid out like the parameters. Deterministic for any thread count.
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Successor.Models.Gpt;
using Successor.Tensors;

namespace Successor.Training.Optimization;

public sealed unsafe class AdamW : IDisposable
{
    readonly GptModel model;
    readonly (long Offset, int Count, bool Decay)[] groups;
    /// <summary>The groups cut into fixed chunks: the unit of parallel work in Update.</summary>
    readonly (long Offset, int Count, bool Decay)[] chunks;
    const int Chunk = 8192;

    public AdamW(GptModel model, bool decayEmbeddings)
    {
        this.model = model;
        M = new FloatArena(model.Layout.Length);
        V = new FloatArena(model.Layout.Length);
        groups = [
            .. model.Layout.Tensors.Select(t => (t.Offset, t.Count, t.IsMatrix || (decayEmbeddings && t.IsEmbedding)))];
        chunks = [.. groups.SelectMany(t => Enumerable.Range(0, (t.Count + Chunk - 1) / Chunk)
            .Select(c => (t.Offset + (long)c * Chunk, Math.Min(Chunk, t.Count - c * Chunk), t.Decay)))];
    }

    public FloatArena M { get; }
    public FloatArena V { get; }
    /// <summary>Optimizer steps taken; Adam's bias correction uses it.</summary>
    public long Step { get; set; }

    /// <summary>sqrt(Σ g²) over every gradient, summed in a fixed order in double.</summary>
    public double GradientNorm()
    {
        var partial = new double[groups.Length];
        Parallelism.For(groups.Length, i =>
        {
            var g = model.Gradients.Slice(groups[i].Offset, groups[i].Count);
            double sum = 0;
            const int Block = 4096; // float sums over short blocks, double across blocks
            for (int s = 0; s < g.Length; s += Block)
                sum += TensorPrimitives.SumOfSquares(g.Slice(s, Math.Min(Block, g.Length - s)));
            partial[i] = sum;
        });
        double total = 0;
        foreach (var p in partial) total += p;
        return Math.Sqrt(total);
    }

    /// <summary>One update with learning rate lr; gradients are first scaled by gradScale (clipping). With
    /// clearGradients, each gradient is zeroed once read, while it is in cache: the next step's sums start from zero
    /// without a separate pass over every gradient.</summary>
    public void Update(double lr, double beta1, double beta2, double epsilon, double weightDecay, float gradScale,
        bool clearGradients = false)
    {
        Step++;
        float b1 = (float)beta1, b2 = (float)beta2, eps = (float)epsilon;
        float correction1 = (float)(1 - Math.Pow(beta1, Step)), correction2 = (float)(1 - Math.Pow(beta2, Step));
        float* p = model.Parameters.Pointer, g = model.Gradients.Pointer, m = M.Pointer, v = V.Pointer;
        Parallelism.For(chunks.Length, i =>
        {
            var (offset, count, decay) = chunks[i];
            float decayFactor = decay ? (float)(1 - lr * weightDecay) : 1f, step = (float)lr / correction1;
            long j = offset, end = offset + count;
            // Vector and scalar paths use the same unfused IEEE operations, so they agree bit for bit.
            var vb1 = Vector256.Create(b1); var vb2 = Vector256.Create(b2); var va1 = Vector256.Create(1 - b1);
            var va2 = Vector256.Create(1 - b2);
            var vscale = Vector256.Create(gradScale); var vdecay = Vector256.Create(decayFactor);
            var vstep = Vector256.Create(step);
            var vc2 = Vector256.Create(correction2); var veps = Vector256.Create(eps);
            for (; j <= end - 8; j += 8)
            {
                var grad = Vector256.Load(g + j) * vscale;
                if (clearGradients) Vector256<float>.Zero.Store(g + j);
                var mj = vb1 * Vector256.Load(m + j) + va1 * grad;
                var vj = vb2 * Vector256.Load(v + j) + va2 * (grad * grad);
                mj.Store(m + j);
                vj.Store(v + j);
                (Vector256.Load(p + j) * vdecay - vstep * mj / (Vector256.Sqrt(vj / vc2) + veps)).Store(p + j);
            }
            for (; j < end; j++)
            {
                float grad = g[j] * gradScale;
                if (clearGradients) g[j] = 0f;
                m[j] = b1 * m[j] + (1 - b1) * grad;
                v[j] = b2 * v[j] + (1 - b2) * (grad * grad);
                p[j] = p[j] * decayFactor - step * m[j] / (MathF.Sqrt(v[j] / correction2) + eps);
            }
        });
    }

    public void Dispose()
    {
        M.Dispose();
        V.Dispose();
    }
}
