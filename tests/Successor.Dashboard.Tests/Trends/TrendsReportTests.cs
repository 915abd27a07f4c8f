// The trends report is the JSON the dashboard charts: snake_case, null where a number is unknown, day dates
// for daily series and full UTC times for the lab's minutes-apart generations.
using System.Text.Json.Nodes;
using Successor.Dashboard.Trends;

namespace Successor.Dashboard.Tests.Trends;

public sealed class TrendsReportTests
{
    static JsonObject Series(JsonObject report, string id) =>
        report["series"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["id"] == id);

    [Fact]
    public void The_bundled_report_has_every_series_with_points_fits_and_crossings()
    {
        var report = TrendsReport.Build(FrontierSeries.Bundled());
        Assert.Equal(9, report["series"]!.AsArray().Count);

        var metr = Series(report, "metr-time-horizon");
        Assert.Equal(["id", "name", "unit", "kind", "source", "forecast", "points", "fit", "crossings"],
            metr.Select(p => p.Key));
        Assert.Equal("exponential", (string?)metr["kind"]);
        Assert.Equal("2022-07-01", (string?)metr["points"]![0]!["date"]);
        Assert.Equal(0.5, (double)metr["points"]![0]!["value"]!);
        var fit = metr["fit"]!.AsObject();
        Assert.Equal(["doubling_days", "doubling_days_low", "doubling_days_high", "r2", "points"],
            fit.Select(p => p.Key));
        Assert.InRange((double)fit["doubling_days"]!, 132.5, 133.5);
        Assert.Equal(5, (int)fit["points"]!);
        var crossing = metr["crossings"]!.AsArray().Single(c => (double)c!["target"]! == 6000)!;
        Assert.Equal("2027-04-19", (string?)crossing["date"]); // 2027-04-18 22:06 UTC, rounded to the day
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)crossing["date_low"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)crossing["date_high"]);

        var swe = Series(report, "swe-bench-verified");
        Assert.Equal("percent", (string?)swe["kind"]);
        Assert.Null(swe["fit"]!["doubling_days_low"]);
        Assert.Null(swe["fit"]!["r2"]);
        Assert.Null(swe["crossings"]![0]!["date_low"]);
        Assert.NotNull(swe["crossings"]![0]!["date"]);

        var humans = Series(report, "posttrainbench-humans");
        Assert.Null(humans["fit"]);
        Assert.Empty(humans["crossings"]!.AsArray());
        Assert.True((bool)Series(report, "ai-research-automated-forecast")["forecast"]!);
        Assert.Contains("\"doubling_days_low\":null", report.ToJsonString());
    }

    [Fact]
    public void The_labs_own_horizon_is_charted_with_full_times()
    {
        var start = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var points = Enumerable.Range(0, 4).Select(i => new TrendPoint(start.AddMinutes(7 * i), 3 + i)).ToList();
        var lab = new TrendSeries("lab", "Lab capability horizon", "digits", TrendKind.Exponential, "ledger", false,
            points, [20]);
        var series = Series(TrendsReport.Build([lab]), "lab");
        Assert.Equal("2026-11-23T09:07:00Z", (string?)series["points"]![1]!["date"]);
        Assert.True((double)series["fit"]!["doubling_days"]! < 1);
        Assert.Matches(@"^2026-11-23T\d{2}:\d{2}:\d{2}Z$", (string?)series["crossings"]![0]!["date"]);
    }
}
