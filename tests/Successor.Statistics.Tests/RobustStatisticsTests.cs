// Median, MAD and the robust standard deviation on small cases worked by hand, and a wild value that
// cannot move them.
namespace Successor.Statistics.Tests;

public sealed class RobustStatisticsTests
{
    [Fact]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(3, RobustStatistics.Median([5, 1, 3]));
        Assert.Equal(2.5, RobustStatistics.Median([4, 1, 3, 2]));
        Assert.Contains("no values", Assert.Throws<ArgumentException>(() => RobustStatistics.Median([])).Message);
    }

    [Fact]
    public void One_wild_value_moves_neither_the_median_nor_the_MAD()
    {
        double[] calm = [1, 2, 3, 4, 5], wild = [1, 2, 3, 4, 5000];
        Assert.Equal(RobustStatistics.Median(calm), RobustStatistics.Median(wild));
        Assert.Equal(1, RobustStatistics.MedianAbsoluteDeviation(wild, RobustStatistics.Median(wild)));
        Assert.Equal(1.4826, RobustStatistics.StandardDeviation(wild));
    }
}
