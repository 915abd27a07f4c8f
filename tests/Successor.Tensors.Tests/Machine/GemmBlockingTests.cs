// The GEMM's blocking sized from caches: the analytical rules hold for the machine kinds the engine meets, and
// tiny or huge caches clamp to sizes the packing buffers and micro-kernels handle.
using Successor.Tensors.Fast;
using Successor.Tensors.Machine;

namespace Successor.Tensors.Tests.Machine;

public sealed class GemmBlockingTests
{
    public static TheoryData<long, long, long> Machines => new()
    {
        { 48 << 10, 1 << 20, 16 << 20 },   // AMD Zen 5 (EPYC Turin)
        { 32 << 10, 1 << 20, 4 << 20 },    // AMD Zen 4
        { 48 << 10, 2 << 20, 5 << 20 },    // Intel Sapphire/Emerald Rapids
        { 32 << 10, 256 << 10, 2 << 20 },  // an older AVX2 desktop core
    };

    [Theory]
    [MemberData(nameof(Machines))]
    public void Blocks_fit_the_caches_they_are_sized_for(long l1, long l2, long l3)
    {
        var caches = new CacheSizes(l1, l2, l3, true);
        foreach (GemmKernel kern in new[] { GemmKernel.Wide, GemmKernel.Narrow, GemmKernel.Portable })
        {
            GemmKernel k = kern.Sized(caches);
            Assert.True(4L * k.KC * (k.MR + k.NR) <= l1, $"{k}: micro-panels exceed L1 {l1}");
            Assert.True(4L * k.MC * k.KC <= l2 / 2, $"{k}: an A block exceeds half of L2 {l2}");
            Assert.True(4L * k.KC * k.NC <= l3 / 2 || k.NC == 4 * k.NR, $"{k}: a B block exceeds half of L3 {l3}");
            Assert.Equal(0, k.MC % k.MR);
            Assert.Equal(0, k.NC % k.NR);
            Assert.Equal(0, k.KC % 16);
        }
    }

    [Fact]
    public void Extreme_caches_clamp_to_workable_blocks()
    {
        GemmKernel tiny = GemmKernel.Wide.Sized(new CacheSizes(1 << 10, 4 << 10, 8 << 10, true));
        Assert.Equal((64, 2 * 8, 4 * 32), (tiny.KC, tiny.MC, tiny.NC));
        GemmKernel huge = GemmKernel.Wide.Sized(new CacheSizes(1 << 30, 1L << 34, 1L << 36, true));
        Assert.Equal((512, 512, 4096), (huge.KC, huge.MC, huge.NC));
    }

    [Fact]
    public void The_kernel_in_use_is_sized_for_this_machine()
    {
        GemmKernel best = GemmKernel.Best(), sized = best.Sized(CacheSizes.OfThisMachine);
        Assert.Equal(GemmKernel.Supported()[0].Name, best.Name);
        Assert.Equal((sized.MC, sized.KC, sized.NC), (best.MC, best.KC, best.NC));
    }
}
