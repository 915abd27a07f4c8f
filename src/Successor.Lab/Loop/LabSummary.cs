// The per-generation table people want at the end of a run and from `successor status`: champion,
// holdout score with its CI, capability horizon, kept-label accuracy and compute — read from the ledger.
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Successor.Lab.Loop;

public static class LabSummary
{
    public static List<GenerationRow> Rows(LabJournal journal) =>
        [.. journal.All(journal.Id("generation", "")).Select(g => Row(g.Attributes)).OrderBy(r => r.Generation)];

    static GenerationRow Row(JsonObject attributes)
    {
        var a = GenerationRecord.From(attributes);
        return new(a.Generation, a.Promoted, a.ChampionGeneration, a.HoldoutMetric ?? "", a.HoldoutValue, a.Improvement,
            a.ImprovementLow,
            a.ImprovementHigh, a.Horizon, a.HorizonLow, a.HorizonHigh, a.KeptLabelAccuracy, a.Kept, a.Tokens, a.Seconds,
                a.Reason, a.HorizonStatus, a.HorizonEasiest, a.HorizonHardest)
                { ReliableHorizon = a.ReliableHorizon, SealedThrough = a.SealedThrough };
    }

    public static string Table(IReadOnlyList<GenerationRow> rows)
    {
        string metric = rows.FirstOrDefault()?.Metric == "bits_per_byte" ? "holdout bits/byte" : "holdout acc";
        string[] header = ["gen", "outcome", "champion", metric, "improvement [95% CI]", "horizon [95% CI]",
            "99% horizon (sealed)", "kept-label acc", "kept", "tokens", "seconds"];
        var cells = rows.Select(r => new[]
        {
            F(r.Generation), r.Outcome,
                $"g{r.ChampionGeneration}", F(r.Holdout),
            r.Difference is { } d ? $"{Signed.S(d)} [{Signed.S(r.Low)}, {Signed.S(r.High)}]" : "-",
            r.Metric != "accuracy" ? "-" : HorizonReading.WithInterval(r.Horizon, r.HorizonLow, r.HorizonHigh,
                r.HorizonStatus, r.HorizonEasiest, r.HorizonHardest),
            r.ReliableHorizon is { } rh ? $"{rh} (sealed to {r.SealedThrough})" : "-",
            r.Kept is > 0 ? F(r.KeptLabelAccuracy) : "-", r.Kept is { } k ? F(k) : "-", r.Tokens.ToString("N0",
                CultureInfo.InvariantCulture), r.Seconds.ToString("0", CultureInfo.InvariantCulture),
        }).ToList();
        var widths =
            header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var s = new StringBuilder();
        s.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var c in cells) s.AppendLine(string.Join("  ", c.Select((x, i) => x.PadRight(widths[i]))).TrimEnd());
        return s.ToString();
    }

    static string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "-";
    static string F(int v) => v.ToString(CultureInfo.InvariantCulture);
}
