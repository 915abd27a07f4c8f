// The paired bootstrap's numbers, to the last bit, for fixed scores and seeds: its arithmetic and its
// draws from the seeded generator must not change when the code around them moves.
using Successor.Evaluation.Statistics;

namespace Successor.Evaluation.Tests.Statistics;

public sealed class BootstrapBitsTests
{
    static string Bits(double x) => BitConverter.DoubleToInt64Bits(x).ToString("x16");

    [Fact]
    public void The_paired_bootstrap_gives_the_same_bits_for_the_same_seed()
    {
        var a = Enumerable.Range(0, 257).Select(i => (i * 7919 % 13) / 13.0).ToArray();
        var b = Enumerable.Range(0, 257).Select(i => (i * 104729 % 17) / 17.0).ToArray();
        var got = string.Join(" ", new[] { (1000, 0UL), (2000, 7UL), (1500, 12345678901UL) }.Select(r =>
        {
            var c = SeededBootstrap.Compare(a, b, r.Item1, r.Item2);
            return string.Join(",", new[] { c.MeanA, c.MeanB, c.Difference, c.Low, c.High, c.PValue }.Select(Bits));
        }));
        string[] expected =
        [
            "3fdd5db5fb3fd3de,3fde03de03de03de,3f84c50113c60011,bfa515c650da0212,3faecfd00ae3bc20,3fe6481eb076aa53",
            "3fdd5db5fb3fd3de,3fde03de03de03de,3f84c50113c60011,bfa36ad857271c13,3faf6133126e261f,3fe5e8b734536a0f",
            "3fdd5db5fb3fd3de,3fde03de03de03de,3f84c50113c60011,bfa388d875273a15,3faf29d064e41620,3fe5e50d79435e51",
        ];
        Assert.Equal(string.Join(" ", expected), got);
    }
}
