// The bundled frontier series load, each with the number of points docs/TRENDS.md lists, and their fits
// agree with doubling times worked out by hand from the same figures.
using Successor.Dashboard.Trends;
using Xunit.Abstractions;

namespace Successor.Dashboard.Tests.Trends;

public sealed class FrontierSeriesTests(ITestOutputHelper output)
{
    static readonly Dictionary<string, (TrendKind Kind, int Points, bool Forecast)> Documented = new()
    {
        ["swe-bench-verified"] = (TrendKind.Percent, 2, false),
        ["metr-time-horizon"] = (TrendKind.Exponential, 5, false),
        ["core-bench"] = (TrendKind.Percent, 2, false),
        ["mle-bench"] = (TrendKind.Percent, 2, false),
        ["posttrainbench-agents-low"] = (TrendKind.Reference, 1, false),
        ["posttrainbench-agents-high"] = (TrendKind.Reference, 1, false),
        ["posttrainbench-humans"] = (TrendKind.Reference, 1, false),
        ["cpu-training-speedup"] = (TrendKind.Exponential, 2, false),
        ["ai-research-automated-forecast"] = (TrendKind.Percent, 2, true),
    };

    static TrendSeries Get(string id) => FrontierSeries.Bundled().Single(s => s.Id == id);

    static double Days(string from, string to) =>
        (DateTimeOffset.Parse(to + "T00:00:00Z") - DateTimeOffset.Parse(from + "T00:00:00Z")).TotalDays;
    static double LogOdds(double percent) => Math.Log(percent / (100 - percent));

    [Fact]
    public void Every_bundled_series_loads_with_its_documented_kind_and_number_of_points()
    {
        var bundled = FrontierSeries.Bundled();
        Assert.Equal(Documented.Keys.Order(), bundled.Select(s => s.Id).Order());
        foreach (var s in bundled)
        {
            var (kind, points, forecast) = Documented[s.Id];
            Assert.Equal((kind, points, forecast), (s.Kind, s.Points.Count, s.Forecast));
            Assert.False(string.IsNullOrWhiteSpace(s.Source));
        }
    }

    [Fact]
    public void The_METR_horizon_doubles_in_about_133_days_and_reaches_100_hours_in_2027()
    {
        // By hand: ln(0.5, 4, 40, 360, 720 minutes) on 1 July 2022…2026 gives a slope of 1.904 per 365.25 days,
        // a doubling time of 132.9 days; the residuals give a 95% CI of about 103 to 187 days, and the line
        // reaches ln(6000) at 22:06 UTC on 18 April 2027.
        var fit = Get("metr-time-horizon").Fit()!;
        Assert.InRange(fit.DoublingDays!.Value, 132.5, 133.5);
        Assert.InRange(fit.DoublingDaysLow!.Value, 100, 106);
        Assert.InRange(fit.DoublingDaysHigh!.Value, 182, 192);
        Assert.InRange(fit.RSquared!.Value, 0.97, 0.98);
        var hundredHours = fit.Crossing(6000);
        Assert.Equal(new DateTimeOffset(2027, 4, 18, 22, 6, 28, TimeSpan.Zero), hundredHours.Date!.Value,
            TimeSpan.FromMinutes(1));
        Assert.True(hundredHours.Low < hundredHours.Date && hundredHours.Date < hundredHours.High);
    }

    [Theory]
    [InlineData("swe-bench-verified", "2023-12-15", 2, "2026-07-01", 93.9)]
    [InlineData("core-bench", "2024-09-15", 21.5, "2025-12-15", 95.5)]
    [InlineData("mle-bench", "2024-10-15", 16.9, "2026-02-15", 64.4)]
    [InlineData("ai-research-automated-forecast", "2027-12-31", 30, "2028-12-31", 60)]
    public void A_two_point_percent_series_doubles_its_odds_exactly_as_its_endpoints_say(string id, string from,
        double first, string to, double last)
    {
        var fit = Get(id).Fit()!;
        Assert.Equal(Math.Log(2) * Days(from, to) / (LogOdds(last) - LogOdds(first)), fit.DoublingDays!.Value, 6);
        Assert.Null(fit.DoublingDaysLow);
    }

    [Fact]
    public void The_CPU_speedup_doubles_in_about_80_days()
    {
        var fit = Get("cpu-training-speedup").Fit()!;
        Assert.Equal(Math.Log(2) * Days("2025-05-15", "2026-04-15") / Math.Log(52 / 2.9), fit.DoublingDays!.Value, 6);
        Assert.InRange(fit.DoublingDays!.Value, 80, 81);
    }

    [Fact]
    public void Every_fitted_bundled_series_is_growing_and_its_doubling_time_is_printed()
    {
        var report = TrendsReport.Build(FrontierSeries.Bundled());
        foreach (var s in FrontierSeries.Bundled())
        {
            if (s.Fit() is not { } fit)
            {
                output.WriteLine($"{s.Id}: reference, not fitted ({s.Points[0].Value} {s.Unit})");
                continue;
            }
            Assert.True(fit.DoublingDays > 0, $"{s.Id} is not growing");
            string ci = fit.DoublingDaysLow is null ? "CI unknown (2 points)"
                : $"95% CI {fit.DoublingDaysLow:F1}–{fit.DoublingDaysHigh?.ToString("F1") ?? "∞"}";
            // Crossing dates as the report gives them (rounded to the day).
            var json = report["series"]!.AsArray().Single(j => (string?)j!["id"] == s.Id)!;
            string crossings = string.Join("; ", json["crossings"]!.AsArray().Select(c =>
                $"{c!["target"]} {s.Unit} on {c["date"]}"
                    + (c["date_low"] is null ? "" : $" ({c["date_low"]} to {c["date_high"]})")));
            output.WriteLine($"{s.Id}: {(s.Kind == TrendKind.Percent ? "odds " : "")}doubling {fit.DoublingDays:F1} " +
                $"days, {ci}, r² {fit.RSquared?.ToString("F3") ?? "n/a"}; {crossings}");
        }
    }
}
