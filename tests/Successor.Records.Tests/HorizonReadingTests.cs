// A capability horizon is a number only inside the difficulties tested; outside them it is a bound.
namespace Successor.Records.Tests;

public sealed class HorizonReadingTests
{
    [Theory]
    [InlineData(-11.35, "below_range", "< 1", "below", 1)]
    [InlineData(0.3, "fitted", "< 1", "below", 1)]
    [InlineData(14.2, "above_range", "> 12", "above", 12)]
    [InlineData(12.5, "fitted", "> 12", "above", 12)]
    [InlineData(null, "above_range", "> 12", "above", 12)]
    [InlineData(3.456, "fitted", "3.46", null, null)]
    public void A_horizon_outside_the_tested_range_is_a_bound_at_its_edge(double? value, string status, string text,
        string? bound, int? edge)
    {
        var reading = HorizonReading.Of(value, status, 1, 12);
        Assert.Equal((text, bound, edge), (reading.Text, reading.Bound, reading.Edge));
        Assert.True(reading.Value is null || reading.Value is >= 1 and <= 12);
    }

    [Fact]
    public void The_interval_is_read_against_the_range_too()
    {
        Assert.Equal("< 1 [< 1, 2.10]", HorizonReading.WithInterval(-11.35, -16.54, 2.1, "below_range", 1, 12));
        Assert.Equal("3.20 [1.50, > 12]", HorizonReading.WithInterval(3.2, 1.5, null, "fitted", 1, 12));
        Assert.Equal("none", HorizonReading.WithInterval(null, null, null, null, 1, 12));
        Assert.Equal("< 1 [< 1, > 12]", HorizonReading.WithInterval(-3, null, null, "below_range", 1, 12));
    }

    [Fact]
    public void A_record_older_than_its_range_still_shows_no_number_outside_it() =>
        Assert.Equal("below the range tested", HorizonReading.Of(-11.35, "below_range", null, null).Text);
}
