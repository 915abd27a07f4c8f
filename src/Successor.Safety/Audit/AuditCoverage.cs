// Safety audit coverage: the share of a lab's promoted generations for which every required
// check ran and passed (or did not apply, which is listed apart, never as passed) and was recorded.
// Computed from the ledger alone, so a dashboard or `successor status` can show it while the lab runs. A
// promotion counts whether the ledger shows it as a generation recorded promoted or as a promotion activity;
// one without an audit record is unaudited.
using System.Globalization;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Safety.Audit;

/// <param name="Promotions">Promoted generations (the first champion, generation 0, is not a promotion).</param>
/// <param name="Audited">Promoted generations whose audit lists every required check as ran and passed.</param>
/// <param name="Share">Audited / Promotions; null when nothing was promoted.</param>
/// <param name="Gaps">For each unaudited promotion, one line: the generation and what its audit lacks.</param>
public sealed record AuditCoverage(int Promotions, int Audited, double? Share, IReadOnlyList<string> Gaps)
{
    /// <summary>For each promotion whose audit has checks that did not apply, one line: the generation and those
    /// checks with why. Shown beside the coverage, never counted as passed.</summary>
    public IReadOnlyList<string> NotApplicable { get; init; } = [];

    public static AuditCoverage Of(ILedger ledger, string lab)
    {
        var promoted = new SortedSet<int>();
        var audits = new Dictionary<int, IReadOnlyList<AuditCheck>>();
        string promotionPrefix = $"promotion:{lab}/g";
        foreach (var record in ledger.Read())
        {
            var s = record.Parse().Statement;
            if (!ProvKinds.IsElement(s.Kind)) continue;
            if (s.Type == "promotion" && s.Subject.StartsWith(promotionPrefix, StringComparison.Ordinal)
                && int.TryParse(s.Subject.AsSpan(promotionPrefix.Length), CultureInfo.InvariantCulture, out int n)
                && n > 0)
                promoted.Add(n);
            if (s.Attributes is not { } a || RecordJson.LabOf(a) != lab) continue;
            if (s.Type == GenerationRecord.Type && GenerationRecord.From(a) is { Generation: > 0, Promoted: true } g)
                promoted.Add(g.Generation);
            if (s.Type == AuditRecord.Type)
            {
                var audit = AuditRecord.From(a);
                audits[audit.Generation] = SafetyAudit.Checks(audit);
            }
        }
        return From(promoted, audits);
    }

    /// <summary>The coverage of these promoted generations given the audits recorded, by generation.</summary>
    public static AuditCoverage From(IEnumerable<int> promoted,
        IReadOnlyDictionary<int, IReadOnlyList<AuditCheck>> audits)
    {
        var generations = promoted.Distinct().Order().ToList();
        var gaps = new List<string>();
        var notApplicable = new List<string>();
        foreach (int g in generations)
        {
            var missing = audits.TryGetValue(g, out var checks)
                ? SafetyAudit.Gaps(checks) : ["no safety audit recorded"];
            if (missing.Count > 0) gaps.Add($"g{g}: {string.Join("; ", missing)}");
            if (checks is not null && SafetyAudit.NotApplicable(checks) is { Count: > 0 } na)
                notApplicable.Add($"g{g}: {string.Join("; ", na)}");
        }
        int audited = generations.Count - gaps.Count;
        double? share = generations.Count > 0 ? (double)audited / generations.Count : null;
        return new AuditCoverage(generations.Count, audited, share, gaps) { NotApplicable = notApplicable };
    }
}
