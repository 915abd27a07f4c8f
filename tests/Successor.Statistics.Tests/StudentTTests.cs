// The Student-t quantile behind every trend CI matches published table values.
using Successor.Statistics;

namespace Successor.Statistics.Tests;

public sealed class StudentTTests
{
    [Theory]
    [InlineData(1, 12.706204736)]
    [InlineData(2, 4.302652730)]
    [InlineData(3, 3.182446305)]
    [InlineData(10, 2.228138852)]
    [InlineData(30, 2.042272456)]
    [InlineData(1000, 1.962339081)]
    public void The_975th_percentile_matches_the_table(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(0.975, degreesOfFreedom), 6);

    [Fact]
    public void The_distribution_is_symmetric_about_zero()
    {
        Assert.Equal(0.5, StudentT.Cdf(0, 4), 12);
        Assert.Equal(1 - StudentT.Cdf(1.3, 4), StudentT.Cdf(-1.3, 4), 12);
        Assert.Equal(-StudentT.Quantile(0.9, 7), StudentT.Quantile(0.1, 7), 9);
    }
}
