// Fast fused softmax cross-entropy: one row per parallel index, the gradient written in place.
using System.Numerics.Tensors;

namespace Successor.Tensors.Fast;

public sealed unsafe partial class FastKernels
{
    [ThreadStatic] static float[]? scratch;

    static Span<float> Scratch(int V) => (scratch is { } s && s.Length >= V ? s : scratch = new float[V]).AsSpan(0, V);

    public override void CrossEntropyForward(float* losses, float* logits, int* targets, int N, int V) =>
        Parallelism.For(N, n =>
        {
            if (targets[n] < 0) { losses[n] = 0f; return; }
            var x = Row(logits, n, V);
            var e = Scratch(V);
            float max = TensorPrimitives.Max(x);
            TensorPrimitives.Subtract(x, max, e);
            SimdMath.Exp(e, e);
            losses[n] = max + MathF.Log(TensorPrimitives.Sum(e)) - x[targets[n]];
        });

    public override void CrossEntropyForwardBackward(float* losses, float* dlogits, float* logits, int* targets,
        float scale, int N, int V) =>
        Parallelism.For(N, n =>
        {
            int target = targets[n];
            var d = Row(dlogits, n, V);
            if (target < 0) { losses[n] = 0f; d.Clear(); return; }
            var x = Row(logits, n, V);
            float max = TensorPrimitives.Max(x), xt = x[target];
            TensorPrimitives.Subtract(x, max, d);      // d may alias x: x is not read after this
            SimdMath.Exp(d, d);
            float sum = TensorPrimitives.Sum(d);
            losses[n] = max + MathF.Log(sum) - xt;
            TensorPrimitives.Multiply(d, scale / sum, d);
            d[target] -= scale;
        });

    public override void DistillationForwardBackward(float* losses, float* dlogits, float* logits,
        float* teacher, int* targets,
        float weight, float scale, int N, int V) =>
        Parallelism.For(N, n =>
        {
            int target = targets[n];
            var d = Row(dlogits, n, V);
            if (target < 0) { losses[n] = 0f; d.Clear(); return; }
            var x = Row(logits, n, V);
            var t = Row(teacher, n, V);
            var p = Scratch(V);
            float max = TensorPrimitives.Max(x), xt = x[target], maxT = TensorPrimitives.Max(t);
            TensorPrimitives.Subtract(t, maxT, p);
            SimdMath.Exp(p, p);
            float logSumT = MathF.Log(TensorPrimitives.Sum(p));
            TensorPrimitives.Multiply(p, 1f / MathF.Exp(logSumT), p);   // p = softmax(teacher)
            // KL(p ‖ q) = Σ p·(t − maxT − logSumT) − Σ p·(x − max) + log Σ exp(x − max), read before d overwrites x.
            float pt = TensorPrimitives.Dot(p, t) - maxT - logSumT, px = TensorPrimitives.Dot(p, x) - max;
            TensorPrimitives.Subtract(x, max, d);      // d may alias x: x is not read after this
            SimdMath.Exp(d, d);
            float sum = TensorPrimitives.Sum(d), logSum = MathF.Log(sum);
            losses[n] = (1 - weight) * (max + logSum - xt) + weight * (pt - px + logSum);
            TensorPrimitives.Multiply(d, scale / sum, d);
            TensorPrimitives.MultiplyAdd(p, -weight * scale, d, d);
            d[target] -= (1 - weight) * scale;
        });
}
