// The JSON the dashboard charts (`GET /api/trends`, docs/TRENDS.md): every series with its points, its fit
// and its crossing dates. snake_case names; null wherever a number is not known. Dates are yyyy-MM-dd for a
// series whose points all fall on midnight UTC, else full UTC times, so the lab's minutes-apart generations
// keep their spacing.
using System.Globalization;
using System.Text.Json.Nodes;

namespace Successor.Dashboard.Trends;

public static class TrendsReport
{
    public static JsonObject Build(IEnumerable<TrendSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = new JsonArray();
        foreach (var s in series) list.Add(Series(s));
        return new JsonObject { ["series"] = list };
    }

    static JsonObject Series(TrendSeries s)
    {
        bool daily = s.Points.All(p => p.Date.UtcTicks % TimeSpan.TicksPerDay == 0);
        var fit = s.Fit();
        var points = new JsonArray();
        foreach (var p in s.Points.OrderBy(p => p.Date))
            points.Add(new JsonObject { ["date"] = Date(p.Date, daily), ["value"] = p.Value });
        var crossings = new JsonArray();
        if (fit is not null)
            foreach (var target in s.Targets)
            {
                var c = fit.Crossing(target);
                crossings.Add(new JsonObject
                {
                    ["target"] = c.Target,
                    ["date"] = Date(c.Date, daily),
                    ["date_low"] = Date(c.Low, daily),
                    ["date_high"] = Date(c.High, daily),
                });
            }
        return new JsonObject
        {
            ["id"] = s.Id,
            ["name"] = s.Name,
            ["unit"] = s.Unit,
            ["kind"] = s.Kind.ToString().ToLowerInvariant(),
            ["source"] = s.Source,
            ["forecast"] = s.Forecast,
            ["points"] = points,
            ["fit"] = fit is null ? null : new JsonObject
            {
                ["doubling_days"] = fit.DoublingDays,
                ["doubling_days_low"] = fit.DoublingDaysLow,
                ["doubling_days_high"] = fit.DoublingDaysHigh,
                ["r2"] = fit.RSquared,
                ["points"] = fit.Points,
            },
            ["crossings"] = crossings,
        };
    }

    /// <summary>A daily series' dates round to the nearest day: its fit cannot place a crossing more finely.</summary>
    static string? Date(DateTimeOffset? date, bool daily)
    {
        if (date is not DateTimeOffset d) return null;
        var utc = d.UtcDateTime;
        if (!daily) return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var day = utc.TimeOfDay.TotalHours >= 12 && utc.Date < DateTime.MaxValue.Date ? utc.Date.AddDays(1) : utc.Date;
        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
