// Writes the ledger as W3C PROV-JSON (https://www.w3.org/submissions/prov-json/): elements under
// "entity", "activity" and "agent", relations under their PROV names with blank-node ids. The
// part before the first ':' of each id becomes a declared prefix (urn:successor:<prefix>:).
using System.Text.Json;
using System.Text.Json.Nodes;
using Successor.Ledger.Lineage;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Export;

public static class ProvJsonExporter
{
    /// <summary>The whole ledger as indented PROV-JSON text, without a final newline.</summary>
    public static string ExportText(ILedger ledger) =>
        Export(ProvGraph.Load(ledger)).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static JsonObject Export(ProvGraph graph)
    {
        var prefixes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["successor"] = "urn:successor:ns#",
        };
        var doc = new JsonObject();
        string Q(string id)
        {
            int colon = id.IndexOf(':');
            string prefix = colon > 0 ? id[..colon] : "lab";
            prefixes.TryAdd(prefix, $"urn:successor:{prefix}:");
            return colon > 0 ? id : "lab:" + id;
        }
        JsonObject Bucket(string name) => doc[name] as JsonObject ?? (JsonObject)(doc[name] = new JsonObject());

        foreach (var e in graph.Elements.OrderBy(e => e.Seq))
        {
            var attrs = new JsonObject { ["prov:type"] = e.Statement.Type, ["successor:seq"] = e.Seq };
            foreach (var (k, v) in e.Statement.Attributes ?? []) attrs["successor:" + k] = v?.DeepClone();
            Bucket(ProvKinds.Name(e.Statement.Kind))[Q(e.Statement.Subject)] = attrs;
        }
        foreach (var r in graph.Relations)
        {
            var (s, o) = (Q(r.Statement.Subject), Q(r.Statement.Object!));
            var rel = r.Statement.Kind switch
            {
                ProvKind.Used =>
                    new JsonObject { ["prov:activity"] = s, ["prov:entity"] = o, ["prov:time"] = r.TimeText },
                ProvKind.WasGeneratedBy =>
                    new JsonObject { ["prov:entity"] = s, ["prov:activity"] = o, ["prov:time"] = r.TimeText },
                ProvKind.WasDerivedFrom => new JsonObject { ["prov:generatedEntity"] = s, ["prov:usedEntity"] = o },
                _ => new JsonObject { ["prov:activity"] = s, ["prov:agent"] = o },
            };
            if (r.Statement.Kind == ProvKind.WasAssociatedWith && r.Statement.Type is { } role) rel["prov:role"] = role;
            rel["successor:seq"] = r.Seq;
            Bucket(ProvKinds.Name(r.Statement.Kind))[$"_:r{r.Seq}"] = rel;
        }
        var prefix = new JsonObject();
        foreach (var (k, v) in prefixes) prefix[k] = v;
        var result = new JsonObject { ["prefix"] = prefix };
        foreach (var (k, v) in doc) result[k] = v?.DeepClone();
        return result;
    }
}
