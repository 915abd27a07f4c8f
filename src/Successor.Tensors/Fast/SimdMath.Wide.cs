// SimdMath at 512 bits, where the CPU has AVX-512: the same arithmetic lane for lane as the 256-bit functions (so an
// element gets the same bits whichever width computed it), twice the elements per instruction.
// The causal softmax rows of attention: softmax over the first `valid` entries of a row and zeros up to `width`,
// in three passes over a row that stays in L1, the last vector masked instead of finished one element at a time.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Successor.Tensors.Fast;

public static partial class SimdMath
{
    static bool Wide => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>Lane numbers 0…15, for the masks of a row's last vector.</summary>
    static readonly Vector512<int> Lanes = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    /// <summary>row[0, valid) = softmax(scale · row[0, valid)) and row[valid, width) = 0, for scale &gt; 0.</summary>
    public static unsafe void CausalSoftmax(float* row, int valid, int width, float scale)
    {
        if (!Wide || width % 16 != 0)
        {
            Softmax(new Span<float>(row, valid), scale);
            new Span<float>(row + valid, width - valid).Clear();
            return;
        }
        var vmax = Vector512.Create(float.NegativeInfinity);
        for (int i = 0; i < valid; i += 16)
            vmax = Avx512F.Max(vmax, Masked(Vector512.Load(row + i), i, valid, float.NegativeInfinity));
        float shift = scale * MaxLane(vmax);
        Vector512<float> vscale = Vector512.Create(scale), vshift = Vector512.Create(shift), sum = default;
        for (int i = 0; i < valid; i += 16)
        {
            var e = Masked(Exp(Avx512F.FusedMultiplySubtract(vscale, Vector512.Load(row + i), vshift)), i, valid, 0f);
            e.Store(row + i);
            sum += e;
        }
        var inverse = Vector512.Create(1f / Vector512.Sum(sum));
        int whole = (valid + 15) / 16 * 16;
        for (int i = 0; i < whole; i += 16) (Vector512.Load(row + i) * inverse).Store(row + i);
        for (int i = whole; i < width; i += 16) Vector512<float>.Zero.Store(row + i);
    }

    /// <summary>Softmax backward on a causal row: d = p ⊙ (d − p·d) · scale on [0, valid), 0 on [valid, width).
    /// </summary>
    public static unsafe void CausalSoftmaxBackward(float* p, float* d, int valid, int width, float scale)
    {
        if (!Wide || width % 16 != 0)
        {
            SoftmaxBackward(new ReadOnlySpan<float>(p, valid), new Span<float>(d, valid), scale);
            new Span<float>(d + valid, width - valid).Clear();
            return;
        }
        Vector512<float> acc = default;
        for (int i = 0; i < valid; i += 16)
            acc = Avx512F.FusedMultiplyAdd(Vector512.Load(p + i), Masked(Vector512.Load(d + i), i, valid, 0f), acc);
        Vector512<float> dot = Vector512.Create(Vector512.Sum(acc)), vscale = Vector512.Create(scale);
        for (int i = 0; i < valid; i += 16)
            Masked(Vector512.Load(p + i) * (Vector512.Load(d + i) - dot) * vscale, i, valid, 0f).Store(d + i);
        for (int i = (valid + 15) / 16 * 16; i < width; i += 16) Vector512<float>.Zero.Store(d + i);
    }

    /// <summary>v with the lanes at or past `valid` (counting from `start`) replaced by `fill`.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<float> Masked(Vector512<float> v, int start, int valid, float fill) =>
        start + 16 <= valid ? v
            : Vector512.ConditionalSelect(Vector512.LessThan(Lanes, Vector512.Create(valid - start)).AsSingle(), v,
                Vector512.Create(fill));

    /// <summary>The largest lane of v.</summary>
    static float MaxLane(Vector512<float> v)
    {
        var m = Avx.Max(v.GetLower(), v.GetUpper());
        var q = Sse.Max(m.GetLower(), m.GetUpper());
        q = Sse.Max(q, Sse.MoveHighToLow(q, q));
        return MathF.Max(q.ToScalar(), q.GetElement(1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<float> GeluTanh(Vector512<float> x)
    {
        var u = Vector512.Create(GeluScale) * Avx512F.FusedMultiplyAdd(Vector512.Create(GeluCubic) * x, x * x, x);
        return Vector512.Create(1f) - Vector512.Create(2f) / (Exp(u + u) + Vector512.Create(1f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<float> GeluDerivative(Vector512<float> x)
    {
        var half = Vector512.Create(0.5f);
        var t = GeluTanh(x);
        var du = Vector512.Create(GeluScale)
            * Avx512F.FusedMultiplyAdd(Vector512.Create(3f * GeluCubic) * x, x, Vector512.Create(1f));
        var dt = Avx512F.FusedMultiplyAddNegated(t, t, Vector512.Create(1f)) * du;
        return Avx512F.FusedMultiplyAdd(half * x, dt, Avx512F.FusedMultiplyAdd(half, t, half));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<float> Apply(Vector512<float> x, int function)
    {
        var one = Vector512.Create(1f);
        return function switch
        {
            0 => Exp(x),
            1 => one - Vector512.Create(2f) / (Exp(x + x) + one),
            2 => one / (one + Exp(-x)),
            _ => Vector512.Create(0.5f) * x * (one + GeluTanh(x)),
        };
    }

    /// <summary>The 256-bit Exp's arithmetic on 16 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Avx512F.Min(Vector512.Create(88.37626f), Avx512F.Max(Vector512.Create(-87.33654f), x));
        var n = Avx512F.RoundScale(x * Vector512.Create(1.44269504088896341f), 0);
        var r = Avx512F.FusedMultiplyAddNegated(n, Vector512.Create(0.693359375f), x);
        r = Avx512F.FusedMultiplyAddNegated(n, Vector512.Create(-2.12194440e-4f), r);
        var p = Vector512.Create(1.9875691500E-4f);
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1.3981999507E-3f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073E-3f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894E-2f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459E-1f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201E-1f));
        p = Avx512F.FusedMultiplyAdd(p, r * r, r) + Vector512.Create(1f);
        var scale = Avx512F.ShiftLeftLogical(Avx512F.ConvertToVector512Int32(n) + Vector512.Create(127), 23).AsSingle();
        return p * scale;
    }
}
