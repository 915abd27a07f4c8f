// Register-blocked micro-kernels for Gemm: C[MR×NR] (=|+=) Ã[MR×kc] · B̃[kc×NR] over packed panels.
// Packed layouts (see GemmPacking): Ã holds MR values of column p at a[p*MR .. p*MR+MR), B̃ holds NR values of
// row p at b[p*NR .. p*NR+NR). Each kernel sums from zero over its kc steps, then stores (store = true) or adds
// the sum into C, then adds bias[j] to column j when a bias is given (the last depth block of a call with a bias):
// every element of C sees the same operations in the same order wherever its tile lies, and the same as a GEMM
// followed by a separate pass adding the bias.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Successor.Tensors.Fast;

internal static unsafe class GemmMicroKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Put(float* c, Vector512<float> v, bool store, Vector512<float> bias)
    {
        if (!store) v += Vector512.Load(c);
        v += bias;
        v.Store(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Put(float* c, Vector256<float> v, bool store, Vector256<float> bias)
    {
        if (!store) v += Vector256.Load(c);
        v += bias;
        v.Store(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Put(float* c, Vector128<float> v, bool store, Vector128<float> bias)
    {
        if (!store) v += Vector128.Load(c);
        v += bias;
        v.Store(c);
    }

    // Multiply then add, two roundings: the portable path for hardware without FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector128<float> MulAdd(Vector128<float> x, Vector128<float> y, Vector128<float> acc) => acc + x * y;

    /// <summary>8×32 tile: 16 accumulators of Vector512 (float).</summary>
    // On Zen 4 this tile was within 2% of, or faster than, 6×64, 12×32 and 14×32 tiles on every model shape
    // measured, and about 1.4× faster on the attention-sized calls (256×64×256).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Avx512x8x32(int kc, float* a, float* b, float* c, long ldc, bool store, float* bias)
    {
        Vector512<float> c0a = default, c0b = default;
        Vector512<float> c1a = default, c1b = default;
        Vector512<float> c2a = default, c2b = default;
        Vector512<float> c3a = default, c3b = default;
        Vector512<float> c4a = default, c4b = default;
        Vector512<float> c5a = default, c5b = default;
        Vector512<float> c6a = default, c6b = default;
        Vector512<float> c7a = default, c7b = default;
        for (int p = 0; p < kc; p++, a += 8, b += 32)
        {
            Vector512<float> b0 = Vector512.Load(b + 0), b1 = Vector512.Load(b + 16), x;
            x = Vector512.Create(a[0]);
            c0a = Vector512.FusedMultiplyAdd(x, b0, c0a); c0b = Vector512.FusedMultiplyAdd(x, b1, c0b);
            x = Vector512.Create(a[1]);
            c1a = Vector512.FusedMultiplyAdd(x, b0, c1a); c1b = Vector512.FusedMultiplyAdd(x, b1, c1b);
            x = Vector512.Create(a[2]);
            c2a = Vector512.FusedMultiplyAdd(x, b0, c2a); c2b = Vector512.FusedMultiplyAdd(x, b1, c2b);
            x = Vector512.Create(a[3]);
            c3a = Vector512.FusedMultiplyAdd(x, b0, c3a); c3b = Vector512.FusedMultiplyAdd(x, b1, c3b);
            x = Vector512.Create(a[4]);
            c4a = Vector512.FusedMultiplyAdd(x, b0, c4a); c4b = Vector512.FusedMultiplyAdd(x, b1, c4b);
            x = Vector512.Create(a[5]);
            c5a = Vector512.FusedMultiplyAdd(x, b0, c5a); c5b = Vector512.FusedMultiplyAdd(x, b1, c5b);
            x = Vector512.Create(a[6]);
            c6a = Vector512.FusedMultiplyAdd(x, b0, c6a); c6b = Vector512.FusedMultiplyAdd(x, b1, c6b);
            x = Vector512.Create(a[7]);
            c7a = Vector512.FusedMultiplyAdd(x, b0, c7a); c7b = Vector512.FusedMultiplyAdd(x, b1, c7b);
        }
        // −0 is the exact identity of addition (+0 would turn a sum of −0 into +0).
        Vector512<float> bias0 = bias == null ? Vector512.Create(-0f) : Vector512.Load(bias);
        Vector512<float> bias1 = bias == null ? Vector512.Create(-0f) : Vector512.Load(bias + 16);
        Put(c + 0, c0a, store, bias0); Put(c + 16, c0b, store, bias1); c += ldc;
        Put(c + 0, c1a, store, bias0); Put(c + 16, c1b, store, bias1); c += ldc;
        Put(c + 0, c2a, store, bias0); Put(c + 16, c2b, store, bias1); c += ldc;
        Put(c + 0, c3a, store, bias0); Put(c + 16, c3b, store, bias1); c += ldc;
        Put(c + 0, c4a, store, bias0); Put(c + 16, c4b, store, bias1); c += ldc;
        Put(c + 0, c5a, store, bias0); Put(c + 16, c5b, store, bias1); c += ldc;
        Put(c + 0, c6a, store, bias0); Put(c + 16, c6b, store, bias1); c += ldc;
        Put(c + 0, c7a, store, bias0); Put(c + 16, c7b, store, bias1); c += ldc;
    }

    /// <summary>6×16 tile: 12 accumulators of Vector256 (float).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Avx2x6x16(int kc, float* a, float* b, float* c, long ldc, bool store, float* bias)
    {
        Vector256<float> c0a = default, c0b = default;
        Vector256<float> c1a = default, c1b = default;
        Vector256<float> c2a = default, c2b = default;
        Vector256<float> c3a = default, c3b = default;
        Vector256<float> c4a = default, c4b = default;
        Vector256<float> c5a = default, c5b = default;
        for (int p = 0; p < kc; p++, a += 6, b += 16)
        {
            Vector256<float> b0 = Vector256.Load(b + 0), b1 = Vector256.Load(b + 8), x;
            x = Vector256.Create(a[0]);
            c0a = Vector256.FusedMultiplyAdd(x, b0, c0a); c0b = Vector256.FusedMultiplyAdd(x, b1, c0b);
            x = Vector256.Create(a[1]);
            c1a = Vector256.FusedMultiplyAdd(x, b0, c1a); c1b = Vector256.FusedMultiplyAdd(x, b1, c1b);
            x = Vector256.Create(a[2]);
            c2a = Vector256.FusedMultiplyAdd(x, b0, c2a); c2b = Vector256.FusedMultiplyAdd(x, b1, c2b);
            x = Vector256.Create(a[3]);
            c3a = Vector256.FusedMultiplyAdd(x, b0, c3a); c3b = Vector256.FusedMultiplyAdd(x, b1, c3b);
            x = Vector256.Create(a[4]);
            c4a = Vector256.FusedMultiplyAdd(x, b0, c4a); c4b = Vector256.FusedMultiplyAdd(x, b1, c4b);
            x = Vector256.Create(a[5]);
            c5a = Vector256.FusedMultiplyAdd(x, b0, c5a); c5b = Vector256.FusedMultiplyAdd(x, b1, c5b);
        }
        // −0 is the exact identity of addition (+0 would turn a sum of −0 into +0).
        Vector256<float> bias0 = bias == null ? Vector256.Create(-0f) : Vector256.Load(bias);
        Vector256<float> bias1 = bias == null ? Vector256.Create(-0f) : Vector256.Load(bias + 8);
        Put(c + 0, c0a, store, bias0); Put(c + 8, c0b, store, bias1); c += ldc;
        Put(c + 0, c1a, store, bias0); Put(c + 8, c1b, store, bias1); c += ldc;
        Put(c + 0, c2a, store, bias0); Put(c + 8, c2b, store, bias1); c += ldc;
        Put(c + 0, c3a, store, bias0); Put(c + 8, c3b, store, bias1); c += ldc;
        Put(c + 0, c4a, store, bias0); Put(c + 8, c4b, store, bias1); c += ldc;
        Put(c + 0, c5a, store, bias0); Put(c + 8, c5b, store, bias1); c += ldc;
    }

    /// <summary>4×8 tile: 8 accumulators of Vector128 (float), multiply and add rounded separately.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Portable4x8(int kc, float* a, float* b, float* c, long ldc, bool store, float* bias)
    {
        Vector128<float> c0a = default, c0b = default;
        Vector128<float> c1a = default, c1b = default;
        Vector128<float> c2a = default, c2b = default;
        Vector128<float> c3a = default, c3b = default;
        for (int p = 0; p < kc; p++, a += 4, b += 8)
        {
            Vector128<float> b0 = Vector128.Load(b + 0), b1 = Vector128.Load(b + 4), x;
            x = Vector128.Create(a[0]); c0a = MulAdd(x, b0, c0a); c0b = MulAdd(x, b1, c0b);
            x = Vector128.Create(a[1]); c1a = MulAdd(x, b0, c1a); c1b = MulAdd(x, b1, c1b);
            x = Vector128.Create(a[2]); c2a = MulAdd(x, b0, c2a); c2b = MulAdd(x, b1, c2b);
            x = Vector128.Create(a[3]); c3a = MulAdd(x, b0, c3a); c3b = MulAdd(x, b1, c3b);
        }
        // −0 is the exact identity of addition (+0 would turn a sum of −0 into +0).
        Vector128<float> bias0 = bias == null ? Vector128.Create(-0f) : Vector128.Load(bias);
        Vector128<float> bias1 = bias == null ? Vector128.Create(-0f) : Vector128.Load(bias + 4);
        Put(c + 0, c0a, store, bias0); Put(c + 4, c0b, store, bias1); c += ldc;
        Put(c + 0, c1a, store, bias0); Put(c + 4, c1b, store, bias1); c += ldc;
        Put(c + 0, c2a, store, bias0); Put(c + 4, c2b, store, bias1); c += ldc;
        Put(c + 0, c3a, store, bias0); Put(c + 4, c3b, store, bias1); c += ldc;
    }
}
