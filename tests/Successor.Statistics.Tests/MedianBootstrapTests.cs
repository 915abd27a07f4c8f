// The median's bootstrap interval holds the median, widens with spread and collapses when every value agrees.
using Successor.Statistics;

namespace Successor.Statistics.Tests;

public sealed class MedianBootstrapTests
{
    [Fact]
    public void The_interval_holds_the_median_and_widens_with_the_spread()
    {
        double[] tight = [0.98, 0.99, 1.0, 1.01, 1.02, 1.0, 0.99, 1.01, 1.0];
        double[] wide = [0.6, 0.8, 1.0, 1.2, 1.4, 1.0, 0.8, 1.2, 1.0];
        var random = new Random(3);
        var a = MedianBootstrap.Interval(tight, 2000, random.Next);
        var b = MedianBootstrap.Interval(wide, 2000, random.Next);
        Assert.Equal(1.0, a.Median);
        Assert.InRange(a.Median, a.Low, a.High);
        Assert.InRange(b.Median, b.Low, b.High);
        Assert.True(b.High - b.Low > 5 * (a.High - a.Low));
        Assert.True(b.Low < 1.0 && b.High > 1.0);
        var same = MedianBootstrap.Interval([2.0, 2.0, 2.0], 1000, random.Next);
        Assert.Equal((2.0, 2.0, 2.0), same);
        Assert.Throws<ArgumentException>(() => MedianBootstrap.Interval([], 1000, random.Next));
    }
}
