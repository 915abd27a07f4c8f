// The dashboard page in headless Chromium over a real recorded lab: it shows what the API says, every chart
// plots as many points as the API holds, every view still reads without the chart library, and a new
// ledger record redraws the page through the server-sent events.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Successor.Ledger.Storage;
using Successor.Safety.Incidents;
using static Microsoft.Playwright.Assertions;

namespace Successor.Dashboard.Tests.Browser;

[Collection(RecordedLabCollection.Name)]
public sealed class DashboardPageTests(RecordedLab lab, Chromium chromium) : IClassFixture<Chromium>
{
    readonly Uri server = lab.StartServer();

    async Task<JsonNode> Api(string path)
    {
        using var http = new HttpClient { BaseAddress = server };
        return JsonNode.Parse(await http.GetStringAsync(path))!;
    }

    [Fact]
    public async Task The_history_badge_says_the_ledger_the_lab_signed_is_consistent_with_what_was_shown()
    {
        var page = await chromium.Open(server);
        await Expect(page.GetByTestId("history")).ToContainTextAsync("history signed and witnessed to ");
        await Expect(page.GetByTestId("history")).ToHaveAttributeAsync("data-status", "consistent");
        await Expect(page.GetByTestId("history-alarm")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_page_shows_the_recorded_lab_as_the_api_describes_it()
    {
        var page = await chromium.Open(server);
        var snapshot = await Api($"/api/labs/{RecordedLab.Lab}");

        Assert.Equal(RecordedLab.Lab, await page.InputValueAsync("#lab-picker"));
        double utilization = (double)snapshot["kpis"]!["compute_utilization"]!;
        await Expect(page.Locator("#kpi-compute-utilization"))
            .ToHaveTextAsync((utilization * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%");
        foreach (string kpi in new[] { "iteration-velocity", "verification-lag", "audit-coverage" })
            await Expect(page.Locator($"#kpi-{kpi}")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#kpi-audit-coverage-detail")).ToContainTextAsync("worker sandbox on");

        var trials = snapshot["trials"]!.AsArray();
        foreach (var g in snapshot["generations"]!.AsArray())
        {
            int n = (int)g!["generation"]!;
            var node = page.Locator($"[data-testid=lineage-g{n}]");
            await Expect(node).ToHaveAttributeAsync("data-outcome", (string)g["outcome"]!);
            int count = trials.Count(t => (int?)t!["generation"] == n);
            await Expect(node.Locator($"[data-testid=trials-g{n}] > summary").First)
                .ToHaveTextAsync($"{count} trial{(count == 1 ? "" : "s")}");
        }

        var pending = snapshot["approvals"]!.AsArray().Where(a => a!["decision"] is null).Select(a => (string)a!["id"]!)
            .Order()
            .ToList();
        var shown = await page.Locator("[data-testid=pending-approval]")
            .EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.request)");
        Assert.Equal(pending, shown.Order().ToList());
        int incidents = snapshot["incidents"]!.AsArray().Count;
        Assert.Equal(incidents, await page.Locator("#incident-list tbody tr").CountAsync());
    }

    [Fact]
    public async Task Every_chart_plots_as_many_points_as_the_api_holds()
    {
        var page = await chromium.Open(server);
        var expected = await ExpectedPoints();
        Assert.Contains(expected.Keys, k => k == "trend-metr-time-horizon");

        // What each canvas declares, and what Chart.js was actually given to draw (its measured datasets).
        var charts = (await page.EvaluateAsync<JsonElement>("""
            [...document.querySelectorAll('canvas[data-points]')].map(c => ({
              id: c.id.slice('chart-'.length),
              declared: Number(c.dataset.points),
              drawn: Chart.getChart(c).data.datasets.filter(d => d.measured).reduce((n, d) => n + d.data.length, 0),
              width: c.width,
            }))
            """)).EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);

        foreach (var (id, points) in expected)
        {
            if (points == 0)
            {
                await Expect(page.GetByTestId($"empty-{id}")).ToBeVisibleAsync();
                continue;
            }
            Assert.True(charts.TryGetValue(id, out var chart),
                $"no chart for {id}; charts: {string.Join(", ", charts.Keys)}");
            Assert.Equal((id, points, points),
                (id, chart.GetProperty("declared").GetInt32(), chart.GetProperty("drawn").GetInt32()));
            Assert.True(chart.GetProperty("width").GetInt32() > 100, $"{id} was not laid out");
        }
        Assert.Equal(expected.Count(e => e.Value > 0), charts.Count);
    }

    /// <summary>This tiny lab's models are below one half already at the easiest difficulty, where the logistic
    /// fit alone gives a negative horizon: the chart must draw an open marker at the edge, never that figure.
    /// </summary>
    [Fact]
    public async Task A_horizon_outside_the_difficulties_tested_is_an_open_marker_at_the_edge()
    {
        var snapshot = await Api($"/api/labs/{RecordedLab.Lab}");
        var families = snapshot["generations"]!.AsArray().SelectMany(g => g!["horizons"]!.AsArray()).ToList();
        Assert.Contains(families, h => (string?)h!["bound"] == "below");
        int easiest = families.Min(h => (int)h!["easiest"]!), hardest = families.Max(h => (int)h!["hardest"]!);

        var page = await chromium.Open(server);
        var points = (await page.EvaluateAsync<JsonElement>("""
            Chart.getChart(document.getElementById('chart-horizon')).data.datasets.filter(d => d.measured)
              .flatMap(d => d.data.map((p, i) => ({ y: p.y, style: d.pointStyle[i], fill: d.pointBackgroundColor[i],
                bound: d.bounds[i] })))
            """)).EnumerateArray().ToList();
        Assert.Contains(points, p => p.GetProperty("bound").ValueKind == JsonValueKind.String);
        foreach (var p in points)
        {
            double y = p.GetProperty("y").GetDouble();
            Assert.InRange(y, easiest, hardest);
            string? bound = p.GetProperty("bound").ValueKind == JsonValueKind.String
                ? p.GetProperty("bound").GetString() : null;
            Assert.Equal(bound is null ? "circle" : "triangle", p.GetProperty("style").GetString());
            if (bound is null) continue;
            Assert.Equal(bound == "below" ? easiest : hardest, y);
            Assert.Equal("rgba(255, 255, 255, 0)", p.GetProperty("fill").GetString());
        }
        await Expect(page.Locator("[data-testid=table-horizon] tbody")).ToContainTextAsync($"< {easiest}");
    }

    [Fact]
    public async Task Without_the_chart_library_every_view_is_a_table()
    {
        var page = await chromium.Open(server, p => p.RouteAsync("**/lib/chart.umd.js", route => route.AbortAsync()));
        await Expect(page.GetByTestId("no-charts")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("canvas").CountAsync());
        foreach (var (id, points) in await ExpectedPoints())
        {
            if (points == 0) continue;
            var rows = page.Locator($"[data-testid=table-{id}] > table > tbody > tr");
            await Expect(rows.First).ToBeVisibleAsync();
            Assert.Equal(points, await rows.CountAsync());
        }
    }

    [Fact]
    public async Task A_new_ledger_record_redraws_the_page()
    {
        var page = await chromium.Open(server);
        await Expect(page.Locator("#live-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^live"));
        int before = int.Parse((await page.GetAttributeAsync("body", "data-renders"))!, CultureInfo.InvariantCulture);

        string id = $"incident:{RecordedLab.Lab}/browser-live-{Guid.NewGuid():N}";
        using (var ledger = LedgerStore.Open(lab.LedgerPath))
            new IncidentLog(ledger).Record("user:ada", new Incident(id, RecordedLab.Lab, "test",
                "a record the page must show without a reload", Severity.Warning));

        await Expect(page.Locator("#incident-list code", new() { HasTextString = id }))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(
            int.Parse((await page.GetAttributeAsync("body", "data-renders"))!, CultureInfo.InvariantCulture) > before);
        await Expect(page.Locator("#live-status")).ToContainTextAsync("new records");
    }

    /// <summary>Chart id → the number of measured points the API holds for it.</summary>
    async Task<Dictionary<string, int>> ExpectedPoints()
    {
        var snapshot = await Api($"/api/labs/{RecordedLab.Lab}");
        var trends = await Api($"/api/trends?lab={RecordedLab.Lab}");
        var generations = snapshot["generations"]!.AsArray();
        var points = new Dictionary<string, int>
        {
            ["holdout"] = generations.Count(g => g!["holdout"] is not null),
            // A generation without per-family horizons is charted under one "all" family; a horizon outside the
            // difficulties tested is charted at the edge it passed.
            ["horizon"] = generations.Sum(g => g!["horizons"]!.AsArray() is { Count: > 0 } families
                ? families.Count(h => h!["bound"] is null ? h["horizon"] is not null : h["edge"] is not null)
                : g["horizon_bound"] is not null ? (g["horizon_easiest"] is null ? 0 : 1)
                : g["horizon"] is null ? 0 : 1),
            // the champion's 99% horizon after every generation, once generation 0 has one
            ["reliable-horizon"] =
                generations.Any(g => (int)g!["generation"]! == 0 && g["reliable_horizon"] is not null)
                    ? generations.Count : 0,
            ["kept"] = generations.Count(g => g!["kept_label_accuracy"] is not null),
            ["reliability"] = snapshot["reliability"]!.AsArray().Count,
        };
        foreach (var series in trends["series"]!.AsArray())
        {
            int count = series!["points"]!.AsArray().Count;
            if (count > 0) points[$"trend-{(string)series["id"]!}"] = count;
        }
        return points;
    }
}
