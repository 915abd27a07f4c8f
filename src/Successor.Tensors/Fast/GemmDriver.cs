// The cache-blocked loop nest of Gemm on one thread, over a rectangle [i0,i1)×[j0,j1) of C.
// Loop order (outer to inner): NC columns → KC depth (pack B̃) → MC rows (pack Ã) → NR columns → MR rows → kernel.
// RunOnPackedB is the same nest over a B̃ packed whole beforehand, shared by the threads of one call.
// Every element of C is summed over the same depth blocks [0,kc), [kc,2kc), … in the same order whatever the
// rectangle, so any split of C over threads gives bitwise the same result.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Successor.Tensors.Fast;

/// <summary>One call's operands: op(A)(i,p) = A[i*rowA + p*colA], op(B)(p,j) = B[p*rowB + j*colB]; bias (n values,
/// or null) is added to every row of C after the product.</summary>
internal readonly unsafe struct GemmOperands(bool transA, bool transB, int m, int n, int k,
    float* a, int lda, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias = null,
    GemmCausal causal = GemmCausal.None)
{
    public readonly int M = m, N = n, K = k;
    public readonly float* A = a, B = b, C = c;
    public readonly long RowA = transA ? 1 : lda, ColA = transA ? lda : 1;
    public readonly long RowB = transB ? 1 : ldb, ColB = transB ? ldb : 1;
    public readonly long Ldc = ldc;
    public readonly bool Accumulate = accumulate;
    public readonly float* Bias = bias;
    public readonly GemmCausal Causal = causal;
}

internal static unsafe class GemmDriver
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(in GemmOperands g, GemmKernel kern, int i0, int i1, int j0, int j1)
    {
        if (i0 >= i1 || j0 >= j1) return;
        if (g.K == 0)
        {
            ClearOrKeep(g, i0, i1, j0, j1);
            return;
        }
        int kcBlock = DepthBlock(g.K, kern.KC);
        Workspace ws = Workspace.For(kern);
        for (int jc = j0; jc < j1; jc += kern.NC)
        {
            int nc = Math.Min(kern.NC, j1 - jc);
            for (int pc = 0; pc < g.K; pc += kcBlock)
            {
                int kc = Math.Min(kcBlock, g.K - pc);
                GemmPacking.Pack(ws.B, g.B + pc * g.RowB + jc * g.ColB, g.RowB, g.ColB, kc, nc, kern.NR);
                Block(g, kern, ws, ws.B, i0, i1, jc, nc, pc, kc);
            }
        }
    }

    /// <summary>Same as Run over the depth [k0,k1) (whole depth blocks), with that part of op(B) packed beforehand
    /// (PackB): [j0,j1) starts on a panel boundary.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunOnPackedB(in GemmOperands g, GemmKernel kern, float* packedB, long paddedN,
        int i0, int i1, int j0, int j1, int k0, int k1)
    {
        if (i0 >= i1 || j0 >= j1) return;
        int kcBlock = DepthBlock(g.K, kern.KC), step = (kern.NC + kern.NR - 1) / kern.NR * kern.NR;
        Workspace ws = Workspace.For(kern);
        for (int jc = j0; jc < j1; jc += step)
        {
            int nc = Math.Min(step, j1 - jc);
            for (int pc = k0; pc < k1; pc += kcBlock)
            {
                int kc = Math.Min(kcBlock, k1 - pc);
                Block(g, kern, ws, packedB + (pc - k0) * paddedN + (long)jc * kc, i0, i1, jc, nc, pc, kc);
            }
        }
    }

    /// <summary>Packs the column panels [p0,p1) of op(B) over the depth [k0,k1) (whole depth blocks): depth block
    /// [pc, pc+kc) sits at packedB + (pc−k0)·paddedN, laid out as GemmPacking.Pack lays out a block of all N
    /// columns.</summary>
    public static void PackB(in GemmOperands g, GemmKernel kern, float* packedB, long paddedN, int p0, int p1,
        int k0, int k1)
    {
        int kcBlock = DepthBlock(g.K, kern.KC), j0 = p0 * kern.NR, j1 = Math.Min(g.N, p1 * kern.NR);
        for (int pc = k0; pc < k1; pc += kcBlock)
        {
            int kc = Math.Min(kcBlock, k1 - pc);
            GemmPacking.Pack(packedB + (pc - k0) * paddedN + (long)j0 * kc, g.B + pc * g.RowB + j0 * g.ColB, g.RowB,
                g.ColB, kc, j1 - j0, kern.NR);
        }
    }

    /// <summary>k = 0: C = 0 (or kept when accumulating), then + bias.</summary>
    internal static void ClearOrKeep(in GemmOperands g, int i0, int i1, int j0, int j1)
    {
        for (int i = i0; i < i1; i++)
        {
            var row = new Span<float>(g.C + i * g.Ldc + j0, j1 - j0);
            if (!g.Accumulate) row.Clear();
            if (g.Bias != null)
                System.Numerics.Tensors.TensorPrimitives.Add(row, new ReadOnlySpan<float>(g.Bias + j0, j1 - j0), row);
        }
    }

    // Rows [i0,i1) × columns [jc, jc+nc) of C over one depth block, against its packed B̃ block.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Block(in GemmOperands g, GemmKernel kern, Workspace ws, float* pb, int i0, int i1, int jc, int nc,
        int pc, int kc)
    {
        int mr = kern.MR, nr = kern.NR;
        float* pa = ws.A, tile = ws.Tile;
        bool store = pc == 0 && !g.Accumulate;
        float* bias = pc + kc == g.K ? g.Bias : null; // after the last depth block only
        for (int ic = i0; ic < i1; ic += kern.MC)
        {
            int mc = Math.Min(kern.MC, i1 - ic);
            GemmPacking.Pack(pa, g.A + ic * g.RowA + pc * g.ColA, g.ColA, g.RowA, kc, mc, mr);
            for (int jr = 0; jr < nc; jr += nr)
            {
                int cols = Math.Min(nr, nc - jr);
                for (int ir = 0; ir < mc; ir += mr)
                {
                    int rows = Math.Min(mr, mc - ir), row0 = ic + ir, from = 0, to = kc;
                    switch (g.Causal)
                    {
                        case GemmCausal.Output when jc + jr > row0 + rows - 1: continue;
                        case GemmCausal.DepthToRow: to = Math.Clamp(row0 + rows - pc, 0, kc); break;
                        case GemmCausal.DepthFromRow: from = Math.Clamp(row0 - pc, 0, kc); break;
                    }
                    float* cTile = g.C + row0 * g.Ldc + jc + jr;
                    float* aPanel = pa + (long)ir * kc + from * mr, bPanel = pb + (long)jr * kc + from * nr;
                    float* biasTile = bias == null ? null : bias + jc + jr;
                    if (rows == mr && cols == nr)
                    {
                        kern.Run(to - from, aPanel, bPanel, cTile, g.Ldc, store, biasTile);
                    }
                    else
                    {
                        kern.Run(to - from, aPanel, bPanel, tile, nr, true, null);
                        MergeEdge(tile, nr, cTile, g.Ldc, rows, cols, store, biasTile);
                    }
                }
            }
        }
    }

    /// <summary>Depth of each k block: at most maxKc, as even as possible, and a function of k alone.</summary>
    internal static int DepthBlock(int k, int maxKc)
    {
        int blocks = (k + maxKc - 1) / maxKc;
        return (k + blocks - 1) / blocks;
    }

    // Same arithmetic as the kernels' own write-back: C = sum, or C = C + sum, then + bias.
    static void MergeEdge(float* tile, int ldt, float* c, long ldc, int rows, int cols, bool store, float* bias)
    {
        for (int r = 0; r < rows; r++, tile += ldt, c += ldc)
            for (int j = 0; j < cols; j++)
            {
                float v = store ? tile[j] : c[j] + tile[j];
                c[j] = bias == null ? v : v + bias[j];
            }
    }

    /// <summary>Packing buffers of one thread, 64-byte aligned, grown (never shrunk) to the largest blocking asked
    /// for, and freed when the thread's last reference goes away.</summary>
    sealed class Workspace
    {
        [ThreadStatic] static Workspace? current;

        public readonly float* A, B, Tile;
        readonly int mc, kc, nc, tileSize;

        Workspace(int mc, int kc, int nc, int tileSize)
        {
            (this.mc, this.kc, this.nc, this.tileSize) = (mc, kc, nc, tileSize);
            A = Alloc((long)mc * kc);
            B = Alloc((long)kc * nc);
            Tile = Alloc(tileSize);
        }

        public static Workspace For(GemmKernel kern)
        {
            // Rows and columns of a block round up to whole panels.
            int mc = Round(kern.MC, kern.MR), nc = Round(kern.NC, kern.NR), tileSize = kern.MR * kern.NR;
            Workspace? ws = current;
            if (ws is null)
                return current = new Workspace(mc, kern.KC, nc, tileSize);
            if (ws.mc < mc || ws.kc < kern.KC || ws.nc < nc || ws.tileSize < tileSize)
                current = ws =
                    new Workspace(Math.Max(ws.mc, mc), Math.Max(ws.kc, kern.KC), Math.Max(ws.nc, nc),
                        Math.Max(ws.tileSize, tileSize));
            return ws;
        }

        static int Round(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

        static float* Alloc(long floats) => (float*)NativeMemory.AlignedAlloc((nuint)(floats * sizeof(float)), 64);

        ~Workspace()
        {
            NativeMemory.AlignedFree(A);
            NativeMemory.AlignedFree(B);
            NativeMemory.AlignedFree(Tile);
        }
    }
}
