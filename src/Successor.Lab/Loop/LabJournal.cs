// The lab's memory is its ledger. Every stage of every generation is appended as PROV records tagged with
// the lab's name; on start the journal reads them back, so `successor run` after a crash, kill -9 or
// Ctrl-C skips every stage and trial already recorded and continues with the first one that is not.
using System.Text.Json.Nodes;
using Successor.Ledger.Artifacts;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Lab.Loop;

public sealed class LabJournal
{
    public const string LoopAgent = "agent:loop", PolicyAgent = "agent:promotion-policy";
    readonly Dictionary<string, JsonObject> recorded = new(StringComparer.Ordinal);

    public LabJournal(ILedger ledger, ArtifactStore artifacts, string lab)
    {
        Ledger = ledger;
        Artifacts = artifacts;
        Lab = lab;
        foreach (var record in ledger.Read())
        {
            var s = record.Parse().Statement;
            if (ProvKinds.IsElement(s.Kind) && s.Attributes is { } a && RecordJson.LabOf(a) == lab)
                recorded[s.Subject] = s.Attributes;
        }
    }

    public ILedger Ledger { get; }
    public ArtifactStore Artifacts { get; }
    public string Lab { get; }

    public string Id(string type, string local) => $"{type}:{Lab}/{local}";

    public JsonObject? Get(string id) => recorded.GetValueOrDefault(id);

    /// <summary>Every recorded element whose id starts with `prefix`, in the order recorded.</summary>
    public IEnumerable<(string Id, JsonObject Attributes)> All(string prefix) =>
        recorded.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(p => (p.Key, p.Value));

    /// <summary>Appends an activity or entity with its relations (and other elements) in one transaction.</summary>
    public JsonObject Record(ProvStatement element, params ProvStatement[] relations)
    {
        var attributes = element.Attributes is null ? new JsonObject() : (JsonObject)element.Attributes.DeepClone();
        attributes["lab"] = Lab;
        element = element with { Attributes = attributes };
        Ledger.AppendBatch(LoopAgent, [element, .. relations]);
        recorded[element.Subject] = attributes;
        // Elements recorded beside it (an artifact, an audit) are read back like any other record of the lab.
        foreach (var s in relations)
            if (ProvKinds.IsElement(s.Kind) && s.Attributes is { } a && RecordJson.LabOf(a) == Lab)
                recorded[s.Subject] = s.Attributes;
        return attributes;
    }

    /// <summary>The recorded attributes of `id`, or compute, record and return them.</summary>
    public JsonObject Once(string id, Func<ProvStatement> compute) => Get(id) ?? Record(compute());

    /// <summary>Stores bytes in the artifact store; returns the digest.</summary>
    public string Store(byte[] bytes) => Artifacts.Put(bytes);
}
