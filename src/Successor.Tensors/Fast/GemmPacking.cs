// Packing for Gemm: copies a block of op(A) rows or op(B) columns ("lines") into the layout the micro-kernels read.
// Lines are grouped into panels of R; a panel over kc steps of the shared dimension is laid out step-major,
// dst[p*R + r] = line r at step p, and panels follow each other. Lines past the end of the block are zero, so
// partial tiles run the full kernel. Element (line r, step p) of the source sits at src + p*along + r*across;
// one of the two strides is 1 for every transpose combination of a row-major matrix, and each has its own loop.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Successor.Tensors.Fast;

internal static unsafe class GemmPacking
{
    /// <summary>Packs `extent` lines as ⌈extent/r⌉ consecutive panels of r×kc floats, the last one
    /// zero-padded.</summary>
    public static void Pack(float* dst, float* src, long along, long across, int kc, int extent, int r)
    {
        if (across == 1) PackContiguousLines(dst, src, along, kc, extent, r);
        else
            for (int l = 0; l < extent; l += r)
                PackTransposed(dst + (long)l * kc, src + l * across, across, kc, Math.Min(r, extent - l), r);
    }

    // The values of one step are adjacent in the source (op(B) not transposed, or op(A) transposed): copy each
    // source row once, in order, spreading it over the panels.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void PackContiguousLines(float* dst, float* src, long along, int kc, int extent, int r)
    {
        long panelSize = (long)r * kc;
        for (int p = 0; p < kc; p++, src += along)
        {
            float* row = dst + (long)p * r;
            int l = 0;
            for (; l + r <= extent; l += r, row += panelSize)
            {
                int i = 0;
                for (; i + 8 <= r; i += 8) Vector256.Store(Vector256.Load(src + l + i), row + i);
                for (; i < r; i++) row[i] = src[l + i];
            }
            if (l < extent)
            {
                int i = 0;
                for (; i < extent - l; i++) row[i] = src[l + i];
                for (; i < r; i++) row[i] = 0f;
            }
        }
    }

    // Each line is contiguous along the steps (op(A) not transposed, or op(B) transposed): transpose eight lines
    // at a time, walking along them, so only eight source streams are live (rows a power-of-two apart would
    // otherwise collide in the same cache sets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void PackTransposed(float* dst, float* src, long across, int kc, int width, int r)
    {
        int p0 = 0;
        if (Avx.IsSupported && width == r && (r & 7) == 0)
        {
            p0 = kc & ~7;
            for (int l = 0; l < r; l += 8)
                for (int p = 0; p < p0; p += 8)
                    Transpose8x8(src + l * across + p, across, dst + (long)p * r + l, r);
        }
        for (int l = 0; l < width; l++)
        {
            float* line = src + l * across;
            for (int q = p0; q < kc; q++) dst[(long)q * r + l] = line[q];
        }
        for (int l = width; l < r; l++)
            for (int q = p0; q < kc; q++) dst[(long)q * r + l] = 0f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Transpose8x8(float* src, long srcStride, float* dst, long dstStride)
    {
        Vector256<float> r0 = Avx.LoadVector256(src), r1 = Avx.LoadVector256(src + srcStride);
        Vector256<float> r2 = Avx.LoadVector256(src + 2 * srcStride), r3 = Avx.LoadVector256(src + 3 * srcStride);
        Vector256<float> r4 = Avx.LoadVector256(src + 4 * srcStride), r5 = Avx.LoadVector256(src + 5 * srcStride);
        Vector256<float> r6 = Avx.LoadVector256(src + 6 * srcStride), r7 = Avx.LoadVector256(src + 7 * srcStride);
        // Interleave pairs of rows, then pairs of pairs, then swap 128-bit halves.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + dstStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * dstStride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + 3 * dstStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * dstStride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + 5 * dstStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * dstStride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + 7 * dstStride, Avx.Permute2x128(u3, u7, 0x31));
    }
}
