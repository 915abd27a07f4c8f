// Vectorised exp, tanh and sigmoid for the activation and softmax kernels (TensorPrimitives' Tanh is
// scalar on this runtime). exp follows Cephes' expf: n = round(x·log2 e), r = x − n·ln 2 in two
// parts, a degree-6 polynomial, then 2^n through the exponent bits; relative error ≈ 1e-7.
// Every element, including a span's tail, goes through the same arithmetic, so a result never
// depends on where an element falls in a span (and so not on how work is split across threads).
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Successor.Tensors.Fast;

public static partial class SimdMath
{
    static bool Vectorised => Avx2.IsSupported && Fma.IsSupported;

    const float GeluScale = 0.7978845608028654f, GeluCubic = 0.044715f;

    /// <summary>y = gelu(x), the tanh form.</summary>
    public static void Gelu(ReadOnlySpan<float> x, Span<float> y) => Map(x, y, 3);

    /// <summary>dx = dy · gelu'(x), fused in one pass.</summary>
    public static void GeluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        if (dy.Length < x.Length || dx.Length < x.Length)
            throw new ArgumentException("gradient spans are shorter than the input");
        if (!Vectorised)
        {
            for (int i = 0; i < x.Length; i++) dx[i] = dy[i] * GeluDerivative(x[i]);
            return;
        }
        int i0 = 0;
        if (Wide)
            for (; i0 <= x.Length - 16; i0 += 16)
                (Vector512.Create(dy.Slice(i0, 16)) * GeluDerivative(Vector512.Create(x.Slice(i0, 16))))
                    .CopyTo(dx.Slice(i0, 16));
        for (; i0 <= x.Length - 8; i0 += 8)
            (Vector256.Create(dy.Slice(i0, 8)) * GeluDerivative(Vector256.Create(x.Slice(i0, 8))))
                .CopyTo(dx.Slice(i0, 8));
        int rest = x.Length - i0;
        if (rest == 0) return;
        Span<float> tx = stackalloc float[8], tdy = stackalloc float[8], tdx = stackalloc float[8];
        x[i0..].CopyTo(tx);
        dy[i0..].CopyTo(tdy);
        (Vector256.Create((ReadOnlySpan<float>)tdy) * GeluDerivative(Vector256.Create((ReadOnlySpan<float>)tx)))
            .CopyTo(tdx);
        tdx[..rest].CopyTo(dx[i0..]);
    }

    static float GeluDerivative(float x)
    {
        float t = MathF.Tanh(GeluScale * (x + GeluCubic * x * x * x));
        return 0.5f * (1f + t) + 0.5f * x * (1f - t * t) * GeluScale * (1f + 3f * GeluCubic * x * x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> GeluTanh(Vector256<float> x)
    {
        var u = Vector256.Create(GeluScale) * Fma.MultiplyAdd(Vector256.Create(GeluCubic) * x, x * x, x);
        return Vector256.Create(1f) - Vector256.Create(2f) / (Exp(u + u) + Vector256.Create(1f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> GeluDerivative(Vector256<float> x)
    {
        var half = Vector256.Create(0.5f);
        var t = GeluTanh(x);
        var du = Vector256.Create(GeluScale)
            * Fma.MultiplyAdd(Vector256.Create(3f * GeluCubic) * x, x, Vector256.Create(1f));
        var dt = Fma.MultiplyAddNegated(t, t, Vector256.Create(1f)) * du;       // (1 − t²) · du/dx
        return Fma.MultiplyAdd(half * x, dt, Fma.MultiplyAdd(half, t, half));   // 0.5 (1 + t) + 0.5 x dt
    }

    /// <summary>row = softmax(scale · row) in place, for scale &gt; 0: the max, then exp and sum, then
    /// normalise.</summary>
    public static void Softmax(Span<float> row, float scale)
    {
        float shift = scale * TensorPrimitives.Max(row), sum = 0f;
        int i = 0;
        if (Vectorised)
        {
            var vscale = Vector256.Create(scale);
            var vshift = Vector256.Create(shift);
            var vsum = Vector256<float>.Zero;
            for (; i <= row.Length - 8; i += 8)
            {
                var e = Exp(
                    Fma.MultiplySubtract(vscale, Vector256.Create((ReadOnlySpan<float>)row.Slice(i, 8)), vshift));
                e.CopyTo(row.Slice(i, 8));
                vsum += e;
            }
            sum = Vector256.Sum(vsum);
        }
        for (; i < row.Length; i++) sum += row[i] = MathF.Exp(scale * row[i] - shift);
        TensorPrimitives.Multiply(row, 1f / sum, row);
    }

    /// <summary>Softmax backward for one row: d = p ⊙ (d − p·d) · scale, in place on d.</summary>
    public static void SoftmaxBackward(ReadOnlySpan<float> p, Span<float> d, float scale)
    {
        float dot = TensorPrimitives.Dot(p, d);
        int i = 0;
        if (Vectorised)
        {
            var vdot = Vector256.Create(dot);
            var vscale = Vector256.Create(scale);
            for (; i <= d.Length - 8; i += 8)
                (Vector256.Create(p.Slice(i, 8)) * (Vector256.Create((ReadOnlySpan<float>)d.Slice(i, 8)) - vdot)
                    * vscale).CopyTo(d.Slice(i, 8));
        }
        for (; i < d.Length; i++) d[i] = p[i] * (d[i] - dot) * scale;
    }

    public static void Exp(ReadOnlySpan<float> x, Span<float> y) => Map(x, y, 0);
    public static void Tanh(ReadOnlySpan<float> x, Span<float> y) => Map(x, y, 1);
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> y) => Map(x, y, 2);

    static void Map(ReadOnlySpan<float> x, Span<float> y, int function)
    {
        if (y.Length < x.Length) throw new ArgumentException("destination is shorter than source", nameof(y));
        if (!Vectorised)
        {
            for (int i = 0; i < x.Length; i++) y[i] = Scalar(x[i], function);
            return;
        }
        int i0 = 0;
        if (Wide)
            for (; i0 <= x.Length - 16; i0 += 16)
                Apply(Vector512.Create(x.Slice(i0, 16)), function).CopyTo(y.Slice(i0, 16));
        for (; i0 <= x.Length - 8; i0 += 8)
            Apply(Vector256.Create(x.Slice(i0, 8)), function).CopyTo(y.Slice(i0, 8));
        if (i0 == x.Length) return;
        Span<float> tail = stackalloc float[8];
        x[i0..].CopyTo(tail);
        Apply(Vector256.Create((ReadOnlySpan<float>)tail), function).CopyTo(tail);
        tail[..(x.Length - i0)].CopyTo(y[i0..]);
    }

    static float Scalar(float x, int function) => function switch
    {
        0 => MathF.Exp(x),
        1 => MathF.Tanh(x),
        2 => 1f / (1f + MathF.Exp(-x)),
        _ => 0.5f * x * (1f + MathF.Tanh(GeluScale * (x + GeluCubic * x * x * x))),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Apply(Vector256<float> x, int function)
    {
        var one = Vector256.Create(1f);
        return function switch
        {
            0 => Exp(x),
            1 => one - Vector256.Create(2f) / (Exp(x + x) + one),     // tanh u = 1 − 2 / (e^{2u} + 1)
            2 => one / (one + Exp(-x)),
            _ => Vector256.Create(0.5f) * x * (one + GeluTanh(x)),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        // x as the second operand: minps/maxps return it when it is NaN, so NaN propagates.
        x = Avx.Min(Vector256.Create(88.37626f), Avx.Max(Vector256.Create(-87.33654f), x));
        var n = Avx.RoundToNearestInteger(x * Vector256.Create(1.44269504088896341f));
        var r = Fma.MultiplyAddNegated(n, Vector256.Create(0.693359375f), x);
        r = Fma.MultiplyAddNegated(n, Vector256.Create(-2.12194440e-4f), r);
        var p = Vector256.Create(1.9875691500E-4f);
        p = Fma.MultiplyAdd(p, r, Vector256.Create(1.3981999507E-3f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(8.3334519073E-3f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(4.1665795894E-2f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(1.6666665459E-1f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(5.0000001201E-1f));
        p = Fma.MultiplyAdd(p, r * r, r) + Vector256.Create(1f);
        var scale = Avx2.ShiftLeftLogical(Avx.ConvertToVector256Int32(n) + Vector256.Create(127), 23).AsSingle();
        return p * scale;
    }
}
