// A typed ledger record: the attributes of one kind of element the lab writes. The lab's name is set by
// the journal when it records the element; every other field is the record's own.
using System.Text.Json.Nodes;

namespace Successor.Records;

public abstract record LabRecord
{
    public string? Lab { get; init; }

    /// <summary>The record as ledger attributes (RecordJson).</summary>
    public JsonObject ToAttributes() => RecordJson.Write(this, GetType());
}
