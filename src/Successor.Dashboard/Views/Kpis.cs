// The four numbers leaders are told to watch, from the lab's ledger alone:
//   compute utilization = busy core-seconds (trial seconds × threads) / available core-seconds (the lab's
//     active wall seconds × the cores it ran on); active time is the generations' own wall time, so the days
//     a stopped lab sat idle do not count against it;
//   iteration velocity = trials and promoted models per day of active time;
//   verification lag = human hours (request to decision, over the gates of promoted generations) and
//     automated seconds (the successor's trial recorded → its generation's verdict recorded) per promoted model;
//   audit coverage = the share of promoted generations whose every required check ran, passed and was recorded.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Successor.Records;
using Successor.Safety.Audit;

namespace Successor.Dashboard.Views;

public static partial class Kpis
{
    public static JsonObject Of(IReadOnlyList<LabElement> elements,
        IReadOnlyList<Recorded<GenerationRecord>> generations, IReadOnlyList<Recorded<TrialRecord>> trials,
        IReadOnlyDictionary<string, Recorded<DecisionRecord>> decisions)
    {
        var config = LabRecords.Read(elements, LabConfigRecord.Type, LabConfigRecord.From).LastOrDefault()?.Record;
        // A lab config recorded without its cores or threads counts one of each, as before they were recorded.
        int cores = config is { Cores: > 0 } ? config.Cores : 1;
        int threads = config is { ThreadsPerWorker: > 0 } ? config.ThreadsPerWorker : 1;
        double trialSeconds = trials.Sum(t => t.Record.Seconds);
        double first = trials.Where(t => t.Local == "g0-initial").Sum(t => t.Record.Seconds);
        double active = first + generations.Sum(g => g.Record.Seconds);
        double days = active / 86400;

        var promoted = generations.Where(g => g.Record is { Generation: > 0, Promoted: true }).ToList();
        var promotedNumbers = promoted.Select(g => g.Record.Generation).ToHashSet();
        double humanSeconds = decisions.Values
            .Where(d => GenerationOf(d.Record.Request) is { } g && promotedNumbers.Contains(g))
            .Sum(d => d.Record.LagSeconds);
        var automated = promoted
            .Select(g => trials.FirstOrDefault(t => t.Local == $"g{g.Record.Generation}-successor") is { } s
                ? (g.Time - s.Time).TotalSeconds : (double?)null)
            .OfType<double>().ToList();
        var audit = Audit(elements, promotedNumbers);
        return new JsonObject
        {
            ["compute_utilization"] = active > 0 ? Round(trialSeconds * threads / (active * cores)) : null,
            ["busy_core_seconds"] = Round(trialSeconds * threads),
            ["available_core_seconds"] = Round(active * cores),
            ["trials"] = trials.Count,
            ["promotions"] = promoted.Count,
            ["trials_per_day"] = days > 0 ? Round(trials.Count / days) : null,
            ["promoted_per_day"] = days > 0 ? Round(promoted.Count / days) : null,
            ["human_hours_per_promoted"] = promoted.Count > 0 ? Round(humanSeconds / 3600 / promoted.Count) : null,
            ["automated_seconds_per_promoted"] = automated.Count > 0 ? Round(automated.Average()) : null,
            ["audit_coverage"] = audit.Share is { } share ? Round(share) : null,
            ["audited_promotions"] = audit.Audited,
            ["audit_gaps"] = new JsonArray([.. audit.Gaps.Select(g => (JsonNode)g)]),
            ["audit_not_applicable"] = new JsonArray([.. audit.NotApplicable.Select(g => (JsonNode)g)]),
            ["sandbox"] = config?.Sandbox,
        };
    }

    /// <summary>The generation a request belongs to, from its id: "request:lab/g3-promotion" or
    /// "request:lab/incident-g3-divergence" → 3.</summary>
    public static int? GenerationOf(string requestId) =>
        GenerationPattern().Match(requestId) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Audit coverage by Successor.Safety.Audit's rule, applied to the records already read.</summary>
    static AuditCoverage Audit(IReadOnlyList<LabElement> elements, HashSet<int> promoted) =>
        AuditCoverage.From(promoted, LabRecords.Read(elements, AuditRecord.Type, AuditRecord.From)
            .ToDictionary(e => e.Record.Generation, e => SafetyAudit.Checks(e.Record)));

    static double Round(double x) => Math.Round(x, 6);

    [GeneratedRegex(@"[/-]g(\d+)-")]
    private static partial Regex GenerationPattern();
}
