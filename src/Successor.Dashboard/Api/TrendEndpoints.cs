// GET /api/trends[?lab=NAME]: the bundled public frontier series, the user's own (--trends FILE, read once
// at start so a bad file is one error line before the server listens), and, with a lab, the lab's own
// capability horizon per task family over its generations, fitted the same way.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Successor.Dashboard.Trends;
using Successor.Dashboard.Views;
using Successor.Records;

namespace Successor.Dashboard.Api;

static class TrendEndpoints
{
    public static void Map(WebApplication app, DashboardOptions options)
    {
        var series = Series(options);
        app.MapGet("/api/trends", (HttpRequest request, string? lab) => ReadEndpoints.Read(request, options, ledger =>
        {
            var own = lab is null ? [] : LabHorizons(lab, new LabRecords(ledger).Of(lab));
            return Results.Text(TrendsReport.Build([.. series, .. own]).ToJsonString(), "application/json");
        }));
    }

    /// <summary>The bundled series and the user's; a user series may not reuse a bundled id.</summary>
    public static IReadOnlyList<TrendSeries> Series(DashboardOptions options)
    {
        var bundled = FrontierSeries.Bundled();
        if (options.TrendsCsv is not { } path) return bundled;
        var mine = FrontierSeries.Load(path);
        if (mine.FirstOrDefault(s => bundled.Any(b => b.Id == s.Id)) is { } clash)
            throw new TrendDataException(path, null,
                $"series id \"{clash.Id}\" is a bundled series' id; give yours another id");
        return [.. bundled, .. mine];
    }

    /// <summary>One series per task family: the horizon (difficulty at 50% accuracy) of the champion after
    /// each generation, at the time its verdict was recorded. Generations without a fitted horizon inside the
    /// difficulties tested are left out.</summary>
    static IEnumerable<TrendSeries> LabHorizons(string lab, IReadOnlyList<LabElement> elements)
    {
        var points = new Dictionary<string, List<TrendPoint>>(StringComparer.Ordinal);
        var champions = LabRecords.Read(elements, GenerationRecord.Type, GenerationRecord.From)
            .Where(e => e.Record.Generation == 0 || e.Record.Promoted);
        foreach (var g in champions)
            foreach (var h in g.Record.Horizons ?? [])
                if (h?.Reading() is { Value: { } value, Bound: null } && value > 0 && h.Family is { } family)
                    (points.TryGetValue(family, out var list) ? list : points[family] = [])
                        .Add(new TrendPoint(g.Time, value));
        return points.Select(p => new TrendSeries($"lab-{lab}-{p.Key}", $"{lab}: {p.Key} capability horizon",
            "difficulty", TrendKind.Exponential, $"this lab's champions (sealed holdout)", false, p.Value, []));
    }
}
