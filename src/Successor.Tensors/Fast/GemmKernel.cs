// Which micro-kernel Gemm runs on this machine, with the cache blocking that suits it.
// MR×NR is the register tile; KC bounds the packed depth, MC the rows of a packed A block (kept in L2),
// NC the columns of a packed B block (kept in L3). All are fixed per kernel, never per call or thread count,
// so the k-blocking (and with it every rounding) is the same however the output is split.
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Successor.Tensors.Fast;

internal readonly unsafe struct GemmKernel(string name, int mr, int nr, int mc, int kc, int nc,
    delegate*<int, float*, float*, float*, long, bool, void> run)
{
    public string Name { get; init; } = name;
    public int MR { get; init; } = mr;
    public int NR { get; init; } = nr;
    public int MC { get; init; } = mc;
    public int KC { get; init; } = kc;
    public int NC { get; init; } = nc;
    public delegate*<int, float*, float*, float*, long, bool, void> Run { get; init; } = run;

    public override string ToString() => $"{Name} (MC={MC}, KC={KC}, NC={NC})";

    // Wide's blocking was measured on Zen 4 (MC 48–384 × KC 128–512 all within a few percent on the model shapes);
    // Narrow's and Portable's are sized by the same rules (a B̃ micro-panel near L1, an Ã block well inside L2),
    // unmeasured.
    public static readonly GemmKernel Wide = new("avx512-8x32", 8, 32, 96, 384, 2048, &GemmMicroKernels.Avx512x8x32);
    public static readonly GemmKernel Narrow = new("avx2-6x16", 6, 16, 96, 256, 2048, &GemmMicroKernels.Avx2x6x16);
    public static readonly GemmKernel Portable =
        new("portable-4x8", 4, 8, 64, 256, 1024, &GemmMicroKernels.Portable4x8);

    /// <summary>Candidates for measurement; only the ones this CPU can run.</summary>
    public static List<GemmKernel> Supported()
    {
        var list = new List<GemmKernel>();
        if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated) list.Add(Wide);
        if (Fma.IsSupported && Avx2.IsSupported) list.Add(Narrow);
        list.Add(Portable);
        return list;
    }

    /// <summary>The fastest kernel this CPU supports, as measured on AMD Zen 4 (see bench/).</summary>
    public static GemmKernel Best()
    {
        if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated) return Wide;
        if (Fma.IsSupported && Avx2.IsSupported) return Narrow;
        return Portable;
    }
}
