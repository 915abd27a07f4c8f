// The throughput alarm compares medians, so it must fire on a sustained collapse, stay quiet on a
// stable worker or a single slow step, and treat exactly half as not yet below half.
using Successor.Safety.Monitors;

namespace Successor.Safety.Tests.Monitors;

public sealed class ThroughputDropTests
{
    [Fact]
    public void A_stable_worker_is_not_flagged()
    {
        var result = ThroughputDrop.Check([1000, 1020, 980, 1010, 990, 1000, 1005, 995, 1012, 988]);
        Assert.False(result.Dropped);
        Assert.InRange(result.Ratio, 0.98, 1.02);
    }

    [Fact]
    public void A_sustained_collapse_is_flagged_with_the_medians_it_was_decided_from()
    {
        var result = ThroughputDrop.Check([1000, 1100, 900, 1050, 950, 400, 420, 380, 410, 390]);
        Assert.True(result.Dropped);
        Assert.Equal(400, result.RecentMedian);
        Assert.Equal(1000, result.EarlierMedian);
        Assert.Equal(0.4, result.Ratio, 12);
    }

    [Fact]
    public void One_slow_step_among_the_recent_samples_does_not_raise_the_alarm()
    {
        var result = ThroughputDrop.Check([1000, 1000, 1000, 1000, 1000, 1000, 20, 1010, 990, 1000]);
        Assert.False(result.Dropped);
        Assert.Equal(1000, result.RecentMedian);
    }

    [Fact]
    public void Exactly_the_fraction_is_not_a_drop_and_just_below_it_is()
    {
        Assert.False(ThroughputDrop.Check([100, 100, 100, 50, 50, 50], recent: 3).Dropped);
        Assert.True(ThroughputDrop.Check([100, 100, 100, 49, 49, 49], recent: 3).Dropped);
        Assert.True(ThroughputDrop.Check([100, 100, 100, 79, 79, 79], recent: 3, fraction: 0.8).Dropped);
    }

    [Fact]
    public void A_worker_that_never_ran_is_not_a_drop()
    {
        var result = ThroughputDrop.Check([0, 0, 0, 0], recent: 2);
        Assert.False(result.Dropped);
        Assert.Equal(1, result.Ratio);
    }

    [Fact]
    public void Too_few_samples_negative_throughput_and_bad_settings_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ThroughputDrop.Check([100, 100, 100, 100, 100]));
        Assert.Throws<ArgumentException>(() => ThroughputDrop.Check([100, -1, 100], recent: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThroughputDrop.Check([100, 100], recent: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThroughputDrop.Check([100, 100], recent: 1, fraction: 1.5));
    }
}
