// Fast activations: vectorised with TensorPrimitives (Tanh, Sigmoid) over fixed chunks.
using System.Numerics.Tensors;

namespace Successor.Tensors.Kernels;

public sealed unsafe partial class FastKernels
{
    /// <summary>Inner block small enough for three stack temporaries.</summary>
    const int Block = 512;

    static void Blocks(int count, Action<int, int> body) =>
        Elementwise(count, (start, length) =>
        {
            for (int s = start; s < start + length; s += Block) body(s, Math.Min(Block, start + length - s));
        });

    /// <summary>t = tanh(sqrt(2/pi) * (x + 0.044715 x^3)).</summary>
    static void GeluTanh(ReadOnlySpan<float> x, Span<float> t)
    {
        TensorPrimitives.Multiply(x, x, t);
        TensorPrimitives.Multiply(t, x, t);
        TensorPrimitives.MultiplyAdd(t, GeluCubic, x, t);
        TensorPrimitives.Multiply(t, GeluScale, t);
        TensorPrimitives.Tanh(t, t);
    }

    public override void GeluForward(float* output, float* input, int count) =>
        Blocks(count, (s, n) =>
        {
            var x = new ReadOnlySpan<float>(input + s, n);
            var o = new Span<float>(output + s, n);
            Span<float> t = stackalloc float[n];
            GeluTanh(x, t);
            TensorPrimitives.Add(t, 1f, t);
            TensorPrimitives.Multiply(t, x, t);
            TensorPrimitives.Multiply(t, 0.5f, o);
        });

    public override void GeluBackward(float* dinput, float* input, float* dout, int count) =>
        Blocks(count, (s, n) =>
        {
            var x = new ReadOnlySpan<float>(input + s, n);
            var dx = new Span<float>(dinput + s, n);
            Span<float> t = stackalloc float[n], u = stackalloc float[n], w = stackalloc float[n];
            GeluTanh(x, t);
            // local = 0.5 (1 + t) + 0.5 x (1 - t^2) sqrt(2/pi) (1 + 3 * 0.044715 x^2)
            TensorPrimitives.Multiply(x, x, u);
            TensorPrimitives.Multiply(u, 3f * GeluCubic * GeluScale, u);
            TensorPrimitives.Add(u, GeluScale, u);
            TensorPrimitives.Multiply(t, t, w);
            TensorPrimitives.Subtract(1f, w, w);
            TensorPrimitives.Multiply(w, u, w);
            TensorPrimitives.Multiply(w, x, w);
            TensorPrimitives.Add(w, t, w);
            TensorPrimitives.Add(w, 1f, w);
            TensorPrimitives.Multiply(w, 0.5f, w);
            TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(dout + s, n), w, dx, dx);
        });

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
            TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(dout + s, n), r, dx, dx);
        });

    public override void SwiGluForward(float* output, float* input, int N, int H) =>
        Parallelism.For(N, n =>
        {
            var gate = new ReadOnlySpan<float>(input + (long)n * 2 * H, H);
            var up = new ReadOnlySpan<float>(input + (long)n * 2 * H + H, H);
            var o = Row(output, n, H);
            TensorPrimitives.Sigmoid(gate, o);
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
            TensorPrimitives.Sigmoid(gate, sig);
            // dup += d * gate * sig
            TensorPrimitives.Multiply(gate, sig, w);
            TensorPrimitives.MultiplyAdd(d, w, dup, dup);
            // dgate += d * up * sig * (1 + gate * (1 - sig))
            TensorPrimitives.Subtract(1f, sig, w);
            TensorPrimitives.MultiplyAdd(w, gate, 1f, w);
            TensorPrimitives.Multiply(w, sig, w);
            TensorPrimitives.Multiply(w, up, w);
            TensorPrimitives.MultiplyAdd(d, w, dgate, dgate);
        });
}
