// One pass over the ledger, keeping what the dashboard shows: every element tagged with a lab, grouped by
// lab. The ledger is the only source, so the page is right while a lab runs and after it stopped.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;
using Successor.Ledger.Records;
using Successor.Ledger.Storage;
using Successor.Records;

namespace Successor.Dashboard.Views;

public sealed class LabRecords
{
    readonly Dictionary<string, List<LabElement>> byLab = new(StringComparer.Ordinal);

    public LabRecords(ILedger ledger)
    {
        foreach (var record in ledger.Read())
        {
            var entry = record.Parse();
            if (Element(entry) is not { } e || e.Lab is not { } lab) continue;
            if (!byLab.TryGetValue(lab, out var list)) byLab[lab] = list = [];
            list.Add(e);
        }
    }

    /// <summary>Labs in the ledger: those with a recorded lab config, in the order they started.</summary>
    public IReadOnlyList<string> Labs =>
        [.. byLab.Where(p => p.Value.Any(e => e.Type == LabConfigRecord.Type)).Select(p => p.Key)];

    public IReadOnlyList<LabElement> Of(string lab) => byLab.GetValueOrDefault(lab) ?? [];

    public static LabElement? Element(LedgerEntry entry)
    {
        var s = entry.Statement;
        return ProvKinds.IsElement(s.Kind) && s.Attributes is { } a
            ? new LabElement(entry.Seq, entry.Time, entry.Actor, s.Subject, s.Type ?? "", a) : null;
    }

    /// <summary>The elements of one type, in order, each read as its record (e.g. GenerationRecord.From).</summary>
    public static List<Recorded<T>> Read<T>(IEnumerable<LabElement> elements, string type, Func<JsonObject, T> read)
        where T : LabRecord =>
        [.. elements.Where(e => e.Type == type).Select(e => e.As(read))];
}
