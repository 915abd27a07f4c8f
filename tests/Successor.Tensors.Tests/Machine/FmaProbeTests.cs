// The FMA probe: a plausible figure at the engine's own width (above what one scalar multiply-add per cycle
// could give, below what two FMA units per core could at an impossible 8 GHz), wider vectors not slower, and a
// clear refusal of a width the CPU lacks.
using Successor.Tensors.Machine;

namespace Successor.Tensors.Tests.Machine;

public sealed class FmaProbeTests
{
    [Fact]
    public void The_probe_at_the_engines_width_reads_between_scalar_speed_and_the_hardware_limit()
    {
        int bits = Cpu.VectorBits;
        if (!FmaProbe.Supports(bits)) return; // the portable path has no FMA to probe
        double gflops = FmaProbe.Measure(bits, 1, 0.2);
        double lanes = bits / 32;
        Assert.InRange(gflops, 2.0 * 1.0, 2 * 2 * lanes * 8.0);
        // A vector FMA does `lanes` multiply-adds: well above one scalar multiply-add per cycle at 1 GHz.
        Assert.True(gflops > 2 * lanes, $"{bits}-bit probe read {gflops:F1} GFLOP/s");
    }

    [Fact]
    public void Wider_vectors_are_not_slower_per_core()
    {
        if (!FmaProbe.Supports(256)) return;
        double narrow = FmaProbe.Measure(128, 1, 0.2), wide = FmaProbe.Measure(256, 1, 0.2);
        Assert.True(wide > 1.5 * narrow, $"256-bit {wide:F1} GFLOP/s against 128-bit {narrow:F1}");
    }

    [Fact]
    public async Task The_probe_ends_when_its_threads_outnumber_the_cores_and_are_descheduled_between_rounds()
    {
        int bits = Cpu.VectorBits;
        if (!FmaProbe.Supports(bits)) return;
        // Four threads per core: the OS deschedules some right after a round's barrier, which is where a thread
        // once read the next round's decision to stop and left the others waiting at the barrier for ever.
        var probes = Task.Run(() =>
        {
            for (int i = 0; i < 30; i++) Assert.True(FmaProbe.Measure(bits, 4 * Environment.ProcessorCount, 0.02) > 0);
        });
        await probes.WaitAsync(TimeSpan.FromSeconds(120)); // throws TimeoutException if the probe hangs
    }

    [Fact]
    public void A_width_the_cpu_lacks_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FmaProbe.Measure(1024, 1, 0.1));
        Assert.Contains("no 1024-bit FMA", e.Message);
    }
}
