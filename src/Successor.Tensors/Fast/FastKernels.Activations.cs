// Fast activations: vectorised with TensorPrimitives (Tanh, Sigmoid) over fixed chunks.
using System.Numerics.Tensors;

namespace Successor.Tensors.Fast;

public sealed unsafe partial class FastKernels
{
    /// <summary>Inner block small enough for three stack temporaries.</summary>
    const int Block = 512;

    static void Blocks(int count, Action<int, int> body) =>
        Elementwise(count, (start, length) =>
        {
            for (int s = start; s < start + length; s += Block) body(s, Math.Min(Block, start + length - s));
        });

    public override void GeluForward(float* output, float* input, int count) =>
        Elementwise(count, (s, n) =>
            SimdMath.Gelu(new ReadOnlySpan<float>(input + s, n), new Span<float>(output + s, n)));

    public override void GeluBackward(float* dinput, float* input, float* dout, int count) =>
        Elementwise(count, (s, n) => SimdMath.GeluBackward(new ReadOnlySpan<float>(input + s, n),
            new ReadOnlySpan<float>(dout + s, n), new Span<float>(dinput + s, n)));

    public override void ReluSquaredForward(float* output, float* input, int count) =>
        Blocks(count, (s, n) =>
        {
            var o = new Span<float>(output + s, n);
            TensorPrimitives.Max(new ReadOnlySpan<float>(input + s, n), 0f, o);
            TensorPrimitives.Multiply(o, o, o);
        });

    public override void ReluSquaredBackward(float* dinput, float* input, float* dout, int count) =>
        Blocks(count, (s, n) =>
        {
            Span<float> r = stackalloc float[n];
            var dx = new Span<float>(dinput + s, n);
            TensorPrimitives.Max(new ReadOnlySpan<float>(input + s, n), 0f, r);
            TensorPrimitives.Multiply(r, 2f, r);
            TensorPrimitives.Multiply(new ReadOnlySpan<float>(dout + s, n), r, dx);
        });

    public override void SwiGluForward(float* output, float* input, int N, int H) =>
        Parallelism.For(N, n =>
        {
            var gate = new ReadOnlySpan<float>(input + (long)n * 2 * H, H);
            var up = new ReadOnlySpan<float>(input + (long)n * 2 * H + H, H);
            var o = Row(output, n, H);
            SimdMath.Sigmoid(gate, o);
            TensorPrimitives.Multiply(o, gate, o);
            TensorPrimitives.Multiply(o, up, o);
        });

    public override void SwiGluBackward(float* dinput, float* input, float* dout, int N, int H) =>
        Parallelism.For(N, n =>
        {
            var gate = new ReadOnlySpan<float>(input + (long)n * 2 * H, H);
            var up = new ReadOnlySpan<float>(input + (long)n * 2 * H + H, H);
            var d = Row(dout, n, H);
            var dgate = new Span<float>(dinput + (long)n * 2 * H, H);
            var dup = new Span<float>(dinput + (long)n * 2 * H + H, H);
            Span<float> sig = stackalloc float[H], w = stackalloc float[H];
            SimdMath.Sigmoid(gate, sig);
            // dup = d * gate * sig
            TensorPrimitives.Multiply(gate, sig, w);
            TensorPrimitives.Multiply(d, w, dup);
            // dgate = d * up * sig * (1 + gate * (1 - sig))
            TensorPrimitives.Subtract(1f, sig, w);
            TensorPrimitives.MultiplyAdd(w, gate, 1f, w);
            TensorPrimitives.Multiply(w, sig, w);
            TensorPrimitives.Multiply(w, up, w);
            TensorPrimitives.Multiply(d, w, dgate);
        });
}
