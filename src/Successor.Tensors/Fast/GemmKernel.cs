// Which micro-kernel Gemm runs on this machine, with the cache blocking that suits it.
// MR×NR is the register tile; KC bounds the packed depth, MC the rows of a packed A block (kept in L2),
// NC the columns of a packed B block (kept in L3), all sized from the machine's caches (Sized). They are fixed per
// kernel and machine, never per call or thread count, so the k-blocking (and with it every rounding) is the same
// however the output is split.
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Successor.Tensors.Machine;

namespace Successor.Tensors.Fast;

internal readonly unsafe struct GemmKernel(string name, int mr, int nr, int mc, int kc, int nc,
    delegate*<int, float*, float*, float*, long, bool, float*, void> run)
{
    public string Name { get; init; } = name;
    public int MR { get; init; } = mr;
    public int NR { get; init; } = nr;
    public int MC { get; init; } = mc;
    public int KC { get; init; } = kc;
    public int NC { get; init; } = nc;
    public delegate*<int, float*, float*, float*, long, bool, float*, void> Run { get; init; } = run;

    public override string ToString() => $"{Name} (MC={MC}, KC={KC}, NC={NC})";

    // The register tiles; their blocking comes from the machine's caches (Sized). On AMD Zen 4 the 8×32 tile's
    // blocking mattered little (MC 48–384 × KC 128–512 all within a few percent on the model shapes).
    public static readonly GemmKernel Wide = new("avx512-8x32", 8, 32, 96, 384, 2048, &GemmMicroKernels.Avx512x8x32);
    public static readonly GemmKernel Narrow = new("avx2-6x16", 6, 16, 96, 256, 2048, &GemmMicroKernels.Avx2x6x16);
    public static readonly GemmKernel Portable =
        new("portable-4x8", 4, 8, 64, 256, 1024, &GemmMicroKernels.Portable4x8);

    /// <summary>Candidates for measurement, sized for this machine's caches; only the ones this CPU can run.
    /// </summary>
    public static List<GemmKernel> Supported()
    {
        var list = new List<GemmKernel>();
        if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated) list.Add(Wide);
        if (Fma.IsSupported && Avx2.IsSupported) list.Add(Narrow);
        list.Add(Portable);
        return list.Select(k => k.Sized(CacheSizes.OfThisMachine)).ToList();
    }

    /// <summary>The widest kernel this CPU supports (AVX-512, else AVX2 with FMA, else portable), sized for its
    /// caches.</summary>
    public static GemmKernel Best() => Supported()[0];

    /// <summary>The blocking for given caches (the analytical rules of Low et al. 2016, "Analytical modeling is
    /// enough for high-performance BLIS"): one micro-panel of Ã and one of B̃ (KC·(MR+NR) floats) fill L1, so the
    /// B̃ panel stays there while the Ã panels stream past; an Ã block (MC·KC) takes half of L2; a B̃ block (KC·NC)
    /// half of this core's share of L3.</summary>
    public GemmKernel Sized(CacheSizes caches)
    {
        const int Float = sizeof(float);
        int kc = Math.Clamp((int)(caches.L1Data / (Float * (MR + NR))) / 16 * 16, 64, 512);
        int mc = Math.Clamp((int)(caches.L2 / 2 / (Float * kc)) / MR * MR, 2 * MR, 512 / MR * MR);
        int nc = Math.Clamp((int)(caches.L3PerCore / 2 / (Float * kc)) / NR * NR, 4 * NR, 4096 / NR * NR);
        return this with { MC = mc, KC = kc, NC = nc };
    }
}
