// The exact sign test behind "a mastered length is no longer mastered" matches hand-computed binomial tails.
using Successor.Statistics;

namespace Successor.Statistics.Tests;

public sealed class SignTestTests
{
    [Theory]
    [InlineData(5, 0, 1 / 32.0)]        // five losses, no win: 2^-5
    [InlineData(5, 1, 7 / 64.0)]        // (C(6,5) + C(6,6)) / 2^6
    [InlineData(7, 1, 9 / 256.0)]
    [InlineData(3, 0, 0.125)]
    [InlineData(1000, 1000, 0.5089195055729272)] // half and a half of P(X = 1000): no overflow at n = 2000
    public void The_tail_matches_the_binomial(int losses, int wins, double expected) =>
        Assert.Equal(expected, SignTest.OneSided(losses, wins), 12);

    [Fact]
    public void No_loss_is_no_evidence_and_negative_counts_are_refused()
    {
        Assert.Equal(1, SignTest.OneSided(0, 0));
        Assert.Equal(1, SignTest.OneSided(0, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => SignTest.OneSided(-1, 2));
    }
}
