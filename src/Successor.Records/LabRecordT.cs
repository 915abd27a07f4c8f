using System.Text.Json.Nodes;

namespace Successor.Records;

/// <summary>A record type that reads itself from ledger attributes: `GenerationRecord.From(attributes)`.</summary>
public abstract record LabRecord<TSelf> : LabRecord where TSelf : LabRecord<TSelf>
{
    public static TSelf From(JsonObject attributes) => RecordJson.Read<TSelf>(attributes);
}
