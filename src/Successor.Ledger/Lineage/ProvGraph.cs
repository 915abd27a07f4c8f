// The PROV graph of a whole ledger, held in memory: elements by id and the four relations in
// both directions. Built from the entries themselves (the hashed truth), not from index columns.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;
using Successor.Ledger.Records;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Lineage;

public sealed class ProvGraph
{
    private readonly Dictionary<string, LedgerEntry> _elements = new(StringComparer.Ordinal);
    private readonly List<LedgerEntry> _relations = [];

    public static ProvGraph Load(ILedger ledger)
    {
        var graph = new ProvGraph();
        foreach (var r in ledger.Read()) graph.Add(r.Parse());
        return graph;
    }

    public void Add(LedgerEntry entry)
    {
        if (ProvKinds.IsElement(entry.Statement.Kind))
        {
            // A later declaration of the same id adds attributes; the first keeps kind and type.
            if (_elements.TryGetValue(entry.Statement.Subject, out var first))
            {
                var merged = (JsonObject?)first.Statement.Attributes?.DeepClone() ?? new JsonObject();
                foreach (var (k, v) in entry.Statement.Attributes ?? []) merged[k] = v?.DeepClone();
                _elements[entry.Statement.Subject] =
                    first with { Statement = first.Statement with { Attributes = merged } };
            }
            else
            {
                _elements[entry.Statement.Subject] = entry;
            }
        }
        else
        {
            _relations.Add(entry);
        }
    }

    public IReadOnlyCollection<LedgerEntry> Elements => _elements.Values;

    public IReadOnlyList<LedgerEntry> Relations => _relations;

    public LedgerEntry? Element(string id) => _elements.GetValueOrDefault(id);

    /// <summary>Objects of relations of <paramref name="kind"/> whose subject is <paramref name="id"/>.</summary>
    public IEnumerable<LedgerEntry> From(string id, ProvKind kind) =>
        _relations.Where(r => r.Statement.Kind == kind && r.Statement.Subject == id);

    /// <summary>Relations of <paramref name="kind"/> whose object is <paramref name="id"/>.</summary>
    public IEnumerable<LedgerEntry> To(string id, ProvKind kind) =>
        _relations.Where(r => r.Statement.Kind == kind && r.Statement.Object == id);
}
