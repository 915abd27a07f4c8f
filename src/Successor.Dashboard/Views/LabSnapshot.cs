// The lab as the page shows it, built from its ledger elements: generations with their holdout scores and
// horizons, trials, the lineage of champions, KPIs, compounded reliability, incidents and approvals.
// The shape is documented in docs/DASHBOARD.md.
using System.Globalization;
using System.Text.Json.Nodes;

namespace Successor.Dashboard.Views;

public static class LabSnapshot
{
    public static JsonObject Build(string lab, IReadOnlyList<LabElement> elements, bool running)
    {
        var generations = elements.Where(e => e.Type == "generation").OrderBy(e => (int?)e.Attributes["generation"] ?? 0).ToList();
        var trials = elements.Where(e => e.Type == "trial").ToList();
        var decisions = elements.Where(e => e.Type == "gate-decision").ToDictionary(e => (string)e.Attributes["request"]!, StringComparer.Ordinal);
        return new JsonObject
        {
            ["name"] = lab,
            ["running"] = running,
            ["generations"] = new JsonArray([.. generations.Select(Generation)]),
            ["trials"] = new JsonArray([.. trials.Select(Trial)]),
            ["lineage"] = Lineage(generations),
            ["kpis"] = Kpis.Of(elements, generations, trials, decisions),
            ["reliability"] = Reliability(generations),
            ["incidents"] = new JsonArray([.. elements.Where(e => e.Type == "incident").Select(Incident)]),
            ["approvals"] = new JsonArray([.. elements.Where(e => e.Type == "approval-request").Select(r => Approval(r, decisions.GetValueOrDefault(r.Id)))]),
        };
    }

    static JsonNode Generation(LabElement e)
    {
        var a = e.Attributes;
        int g = (int?)a["generation"] ?? 0;
        return new JsonObject
        {
            ["generation"] = g,
            ["outcome"] = g == 0 ? "first" : (bool?)a["promoted"] == true ? "promoted" : "rejected",
            ["champion_generation"] = Copy(a, "champion_generation"),
            ["metric"] = Copy(a, "holdout_metric"),
            ["holdout"] = Copy(a, "holdout_value"),
            ["improvement"] = Copy(a, "improvement"),
            ["improvement_low"] = Copy(a, "improvement_low"),
            ["improvement_high"] = Copy(a, "improvement_high"),
            ["horizon"] = Copy(a, "horizon"),
            ["horizon_low"] = Copy(a, "horizon_low"),
            ["horizon_high"] = Copy(a, "horizon_high"),
            ["horizons"] = Copy(a, "horizons") ?? new JsonArray(),
            ["kept_label_accuracy"] = Copy(a, "kept_label_accuracy"),
            ["kept"] = Copy(a, "kept"),
            ["perplexity_drift"] = Copy(a, "perplexity_drift"),
            ["tail_coverage"] = Copy(a, "tail_coverage"),
            ["cumulative_reliability"] = Copy(a, "cumulative_reliability"),
            ["tokens"] = Copy(a, "tokens"),
            ["seconds"] = Copy(a, "seconds"),
            ["reason"] = Copy(a, "reason"),
            ["approved_by"] = Copy(a, "approved_by"),
            ["time"] = Time(e.Time),
        };
    }

    static JsonNode Trial(LabElement e) => new JsonObject
    {
        ["id"] = e.Local,
        ["generation"] = Copy(e.Attributes, "generation"),
        ["status"] = Copy(e.Attributes, "status"),
        ["score"] = Copy(e.Attributes, "score"),
        ["steps"] = Copy(e.Attributes, "steps"),
        ["tokens"] = Copy(e.Attributes, "tokens"),
        ["seconds"] = Copy(e.Attributes, "seconds"),
        ["error"] = Copy(e.Attributes, "error"),
    };

    /// <summary>One node per generation's model: the first champion, then each candidate, whose parent is the
    /// champion it was trained from; a promoted candidate becomes the parent of the next.</summary>
    static JsonArray Lineage(List<LabElement> generations)
    {
        var nodes = new JsonArray();
        int? champion = null;
        foreach (var e in generations)
        {
            int g = (int?)e.Attributes["generation"] ?? 0;
            bool promoted = g == 0 || (bool?)e.Attributes["promoted"] == true;
            nodes.Add(new JsonObject
            {
                ["id"] = $"g{g}",
                ["generation"] = g,
                ["parent"] = champion is { } p ? $"g{p}" : null,
                ["promoted"] = promoted,
                ["reason"] = Copy(e.Attributes, "reason"),
            });
            if (promoted) champion = g;
        }
        return nodes;
    }

    static JsonArray Reliability(List<LabElement> generations) =>
        [.. generations.Where(e => e.Attributes["cumulative_reliability"] is not null).Select(e =>
        {
            int g = (int)e.Attributes["generation"]!;
            return (JsonNode)new JsonObject
            {
                ["generation"] = g,
                ["cumulative"] = Copy(e.Attributes, "cumulative_reliability"),
                ["projected"] = Copy(e.Attributes, "projected_reliability"),
                ["reference_999"] = Math.Pow(0.999, g),
            };
        })];

    static JsonNode Incident(LabElement e) => new JsonObject
    {
        ["id"] = e.Id,
        ["kind"] = Copy(e.Attributes, "kind"),
        ["severity"] = Copy(e.Attributes, "severity"),
        ["detail"] = Copy(e.Attributes, "detail"),
        ["time"] = Time(e.Time),
    };

    static JsonNode Approval(LabElement request, LabElement? decision) => new JsonObject
    {
        ["id"] = request.Id,
        ["gate"] = Copy(request.Attributes, "gate"),
        ["summary"] = Copy(request.Attributes, "summary"),
        ["requested_at"] = Time(request.Time),
        ["requested_by"] = request.Actor,
        ["decision"] = decision is null ? null : new JsonObject
        {
            ["decision"] = (bool?)decision.Attributes["approved"] == true ? "approved" : "rejected",
            ["by"] = Copy(decision.Attributes, "by"),
            ["reason"] = Copy(decision.Attributes, "reason"),
            ["lag_seconds"] = Copy(decision.Attributes, "lag_seconds"),
            ["decided_at"] = Time(decision.Time),
        },
    };

    internal static JsonNode? Copy(JsonObject a, string key) => a[key]?.DeepClone();

    internal static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
