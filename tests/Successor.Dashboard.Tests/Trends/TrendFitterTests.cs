// The trend fit recovers known doubling times and crossing dates from exact data, its 95% intervals cover the
// truth about 95% of the time on noisy data, and it refuses values its scale cannot take.
using Successor.Dashboard.Trends;
using Successor.Tensors;
using Xunit.Abstractions;

namespace Successor.Dashboard.Tests.Trends;

public sealed class TrendFitterTests(ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>value = first · 2^(days / doubling), every `spacing` days.</summary>
    static List<TrendPoint> Exponential(int count, double spacingDays, double doublingDays, double first = 1,
        Func<double>? noise = null) =>
        Enumerable.Range(0, count).Select(i =>
        {
            double days = i * spacingDays;
            return new TrendPoint(Start.AddDays(days),
                first * Math.Pow(2, days / doublingDays) * Math.Exp(noise?.Invoke() ?? 0));
        }).ToList();

    [Fact]
    public void An_exact_exponential_gives_back_its_doubling_time_with_a_zero_width_interval()
    {
        var fit = TrendFitter.Fit(Exponential(count: 10, spacingDays: 45, doublingDays: 120))!;
        Assert.Equal(120, fit.DoublingDays!.Value, 6);
        Assert.Equal(120, fit.DoublingDaysLow!.Value, 6);
        Assert.Equal(120, fit.DoublingDaysHigh!.Value, 6);
        Assert.Equal(1, fit.RSquared!.Value, 9);
        Assert.Equal(10, fit.Points);
    }

    [Fact]
    public void The_doubling_time_and_crossing_intervals_cover_the_truth_in_about_95_percent_of_200_noisy_series()
    {
        const double doubling = 150, target = 1000;
        double trueCrossingDays = doubling * Math.Log2(target); // first value is 1
        var rng = new Rng(20260415);
        int doublingCovered = 0, crossingCovered = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            var fit = TrendFitter.Fit(
                Exponential(count: 8, spacingDays: 90, doublingDays: doubling, noise: () => 0.3 * rng.NextGaussian()))!;
            if (fit.DoublingDaysLow <= doubling
                && doubling <= (fit.DoublingDaysHigh ?? double.PositiveInfinity)) doublingCovered++;
            var crossing = fit.Crossing(target);
            var truth = Start.AddDays(trueCrossingDays);
            if (crossing.Low <= truth && truth <= crossing.High) crossingCovered++;
        }
        output.WriteLine($"doubling-time CI covered {doublingCovered} of 200; " +
            $"crossing-date CI covered {crossingCovered} of 200");
        // Binomial(200, 0.95) lies in [180, 198] with probability > 0.999; a CI too narrow or too wide fails.
        Assert.InRange(doublingCovered, 180, 198);
        Assert.InRange(crossingCovered, 180, 198);
    }

    [Fact]
    public void Two_points_give_an_exact_doubling_time_and_no_interval()
    {
        var fit = TrendFitter.Fit([new(Start, 3), new(Start.AddDays(100), 12)])!;
        Assert.Equal(50, fit.DoublingDays!.Value, 9);
        Assert.Null(fit.DoublingDaysLow);
        Assert.Null(fit.DoublingDaysHigh);
        Assert.Null(fit.RSquared);
        var crossing = fit.Crossing(48);
        Assert.Equal(Start.AddDays(200), crossing.Date!.Value);
        Assert.Null(crossing.Low);
        Assert.Null(crossing.High);
    }

    [Fact]
    public void A_percent_series_fits_the_log_odds_so_its_doubling_time_is_that_of_the_odds()
    {
        // Odds p/(100 − p) double every 90 days from 1:9 (10%): a logistic curve that flattens below 100%.
        var points = Enumerable.Range(0, 6).Select(i =>
        {
            double odds = Math.Pow(2, i * 60 / 90.0) / 9;
            return new TrendPoint(Start.AddDays(i * 60), 100 * odds / (1 + odds));
        }).ToList();
        var fit = TrendFitter.Fit(points, TrendKind.Percent)!;
        Assert.Equal(90, fit.DoublingDays!.Value, 6);
        Assert.InRange(fit.ValueAt(Start.AddDays(5000)), 99.999, 100);
        // 99% is odds 99, 891 times the starting 1:9: log2(891) doublings of 90 days.
        Assert.Equal(Start.AddDays(90 * Math.Log2(891)), fit.Crossing(99).Date!.Value, TimeSpan.FromMinutes(1));
        // The raw-percent exponential fit of the same points is a different, wrong answer.
        Assert.NotEqual(90, TrendFitter.Fit(points, TrendKind.Exponential)!.DoublingDays!.Value, 0);
    }

    [Fact]
    public void The_crossing_date_of_an_exact_exponential_is_where_it_reaches_the_target()
    {
        // 6 hours doubling every 200 days reaches 6,000 minutes after log2(6000 / 360) doublings.
        var fit = TrendFitter.Fit(Exponential(count: 5, spacingDays: 365, doublingDays: 200, first: 360))!;
        var crossing = fit.Crossing(6000);
        var expected = Start.AddDays(200 * Math.Log2(6000.0 / 360));
        Assert.Equal(expected, crossing.Date!.Value, TimeSpan.FromMinutes(1));
        Assert.Equal(expected, crossing.Low!.Value, TimeSpan.FromMinutes(1));
        Assert.Equal(expected, crossing.High!.Value, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Generations_minutes_apart_fit_in_fractional_days()
    {
        // The lab's horizon doubling every 30 minutes, one generation every 10 minutes.
        var points = Enumerable.Range(0, 6)
            .Select(i => new TrendPoint(Start.AddMinutes(10 * i), 2 * Math.Pow(2, i / 3.0)))
            .ToList();
        var fit = TrendFitter.Fit(points)!;
        Assert.Equal(30, fit.DoublingDays!.Value * 24 * 60, 6);
        Assert.Equal(Start.AddMinutes(60), fit.Crossing(8).Date!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_flat_or_falling_series_has_no_doubling_time_and_a_noisy_one_no_upper_bound()
    {
        Assert.Null(TrendFitter.Fit([new(Start, 5), new(Start.AddDays(1), 5)])!.DoublingDays);
        Assert.Null(TrendFitter.Fit([new(Start, 5), new(Start.AddDays(1), 4)])!.DoublingDays);
        var noisy = TrendFitter.Fit(
            [new(Start, 5), new(Start.AddDays(1), 9), new(Start.AddDays(2), 4), new(Start.AddDays(3), 7)])!;
        Assert.NotNull(noisy.DoublingDays);
        Assert.Null(noisy.DoublingDaysHigh);
        Assert.Null(noisy.Crossing(100).Low);
    }

    [Fact]
    public void Nothing_is_fitted_for_a_reference_series_or_a_single_instant()
    {
        Assert.Null(TrendFitter.Fit([new(Start, 25), new(Start.AddDays(1), 28)], TrendKind.Reference));
        Assert.Null(TrendFitter.Fit([new(Start, 25)]));
        Assert.Null(TrendFitter.Fit([new(Start, 25), new(Start, 28)]));
    }

    [Theory]
    [InlineData(TrendKind.Exponential, 0)]
    [InlineData(TrendKind.Exponential, -3)]
    [InlineData(TrendKind.Exponential, double.NaN)]
    [InlineData(TrendKind.Percent, 100)]
    [InlineData(TrendKind.Percent, 0)]
    public void A_value_the_scale_cannot_take_is_refused(TrendKind kind, double value)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrendFitter.Fit([new(Start, 50), new(Start.AddDays(1), value)], kind));
        Assert.Contains("2024-01-02", error.Message);
    }
}
