// The lab as the page shows it, built from its ledger elements: generations with their holdout scores and
// horizons, trials, the lineage of champions, KPIs, compounded reliability, incidents and approvals.
// The shape is documented in docs/DASHBOARD.md.
using System.Globalization;
using System.Text.Json.Nodes;
using Successor.Records;

namespace Successor.Dashboard.Views;

public static class LabSnapshot
{
    public static JsonObject Build(string lab, IReadOnlyList<LabElement> elements, bool running)
    {
        var generations = LabRecords.Read(elements, GenerationRecord.Type, GenerationRecord.From)
            .OrderBy(e => e.Record.Generation).ToList();
        var trials = LabRecords.Read(elements, TrialRecord.Type, TrialRecord.From);
        var decisions = LabRecords.Read(elements, DecisionRecord.Type, DecisionRecord.From)
            .ToDictionary(e => e.Record.Request, StringComparer.Ordinal);
        var requests = LabRecords.Read(elements, ApprovalRequestRecord.Type, ApprovalRequestRecord.From);
        return new JsonObject
        {
            ["name"] = lab,
            ["running"] = running,
            ["generations"] = new JsonArray([.. generations.Select(Generation)]),
            ["trials"] = new JsonArray([.. trials.Select(Trial)]),
            ["lineage"] = Lineage(generations),
            ["kpis"] = Kpis.Of(elements, generations, trials, decisions),
            ["reliability"] = Reliability(generations),
            ["incidents"] = new JsonArray([.. LabRecords.Read(elements, IncidentRecord.Type, IncidentRecord.From)
                .Select(Incident)]),
            ["approvals"] = new JsonArray([.. requests.Select(r => Approval(r, decisions.GetValueOrDefault(r.Id)))]),
            ["researchers"] = ResearcherBooks.Of(elements),
        };
    }

    static JsonNode Generation(Recorded<GenerationRecord> e)
    {
        var r = e.Record;
        int g = r.Generation;
        return new JsonObject
        {
            ["generation"] = g,
            ["outcome"] = GenerationRecord.OutcomeOf(g, r.Promoted, r.Reason),
            ["champion_generation"] = r.ChampionGeneration,
            ["metric"] = r.HoldoutMetric,
            ["holdout"] = r.HoldoutValue,
            ["improvement"] = r.Improvement,
            ["improvement_low"] = r.ImprovementLow,
            ["improvement_high"] = r.ImprovementHigh,
            ["horizon"] = r.Horizon,
            ["horizon_low"] = r.HorizonLow,
            ["horizon_high"] = r.HorizonHigh,
            ["horizon_bound"] = HorizonReading.Of(r.Horizon, r.HorizonStatus, r.HorizonEasiest, r.HorizonHardest).Bound,
            ["horizon_easiest"] = r.HorizonEasiest,
            ["horizon_hardest"] = r.HorizonHardest,
            ["horizons"] = new JsonArray([.. (r.Horizons ?? []).Select(Horizon)]),
            ["reliable_horizon"] = r.ReliableHorizon,
            ["sealed_through"] = r.SealedThrough,
            ["kept_label_accuracy"] = r.KeptLabelAccuracy,
            ["kept"] = r.Kept,
            ["perplexity_drift"] = r.PerplexityDrift,
            ["tail_coverage"] = r.TailCoverage,
            ["cumulative_reliability"] = r.CumulativeReliability,
            ["tokens"] = r.Tokens,
            ["seconds"] = r.Seconds,
            ["reason"] = r.Reason,
            ["approved_by"] = r.ApprovedBy,
            ["time"] = Time(e.Time),
        };
    }

    /// <summary>One family's horizon, its keys in the order the ledger's canonical JSON gives them, and
    /// whether it lies outside the difficulties tested: "bound" ("below", "above" or null) and the edge it is
    /// bounded by, so that the page draws no extrapolated figure as a measurement.</summary>
    static JsonNode Horizon(FamilyHorizon h) => new JsonObject
    {
        ["easiest"] = h.Easiest, ["family"] = h.Family, ["hardest"] = h.Hardest, ["high"] = h.High,
        ["horizon"] = h.Horizon, ["low"] = h.Low, ["status"] = h.Status,
        ["bound"] = h.Reading().Bound, ["edge"] = h.Reading().Edge,
    };

    static JsonNode Trial(Recorded<TrialRecord> e) => new JsonObject
    {
        ["id"] = e.Local,
        ["generation"] = e.Record.Generation,
        ["status"] = e.Record.Status,
        ["score"] = e.Record.Score,
        ["steps"] = e.Record.Steps,
        ["tokens"] = e.Record.Tokens,
        ["seconds"] = e.Record.Seconds,
        ["error"] = e.Record.Error,
    };

    /// <summary>One node per generation's model: the first champion, then each candidate, whose parent is the
    /// champion it was trained from; a promoted candidate becomes the parent of the next.</summary>
    static JsonArray Lineage(List<Recorded<GenerationRecord>> generations)
    {
        var nodes = new JsonArray();
        int? champion = null;
        foreach (var e in generations)
        {
            int g = e.Record.Generation;
            bool promoted = g == 0 || e.Record.Promoted;
            nodes.Add(new JsonObject
            {
                ["id"] = $"g{g}",
                ["generation"] = g,
                ["parent"] = champion is { } p ? $"g{p}" : null,
                ["promoted"] = promoted,
                ["reason"] = e.Record.Reason,
            });
            if (promoted) champion = g;
        }
        return nodes;
    }

    static JsonArray Reliability(List<Recorded<GenerationRecord>> generations) =>
        [.. generations.Where(e => e.Record.CumulativeReliability is not null).Select(e =>
        {
            int g = e.Record.Generation;
            return (JsonNode)new JsonObject
            {
                ["generation"] = g,
                ["cumulative"] = e.Record.CumulativeReliability,
                ["projected"] = e.Record.ProjectedReliability,
                ["reference_999"] = Math.Pow(0.999, g),
            };
        })];

    static JsonNode Incident(Recorded<IncidentRecord> e) => new JsonObject
    {
        ["id"] = e.Id,
        ["kind"] = e.Record.Kind,
        ["severity"] = e.Record.Severity,
        ["detail"] = e.Record.Detail,
        ["time"] = Time(e.Time),
    };

    static JsonNode Approval(Recorded<ApprovalRequestRecord> request, Recorded<DecisionRecord>? decision) =>
        new JsonObject
        {
            ["id"] = request.Id,
            ["gate"] = request.Record.Gate,
            ["summary"] = request.Record.Summary,
            ["changes"] = new JsonArray([.. FieldChanges.Of(request.Record).Select(c => new JsonObject
            {
                ["field"] = c.Field, ["from"] = c.From, ["to"] = c.To,
            })]),
            ["requested_at"] = Time(request.Time),
            ["requested_by"] = request.Element.Actor,
            ["decision"] = decision is null ? null : new JsonObject
            {
                ["decision"] = decision.Record.Approved ? "approved" : "rejected",
                ["by"] = decision.Record.By,
                ["reason"] = decision.Record.Reason,
                ["lag_seconds"] = decision.Record.LagSeconds,
                ["decided_at"] = Time(decision.Time),
            },
        };

    internal static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
