// One element of a lab's ledger as the dashboard keeps it: where and when it was recorded, by whom, its id,
// type and attributes. Its fields are read through the typed record of its type (As).
using System.Text.Json.Nodes;
using Successor.Records;

namespace Successor.Dashboard.Views;

public sealed record LabElement(
    long Seq, DateTimeOffset Time, string Actor, string Id, string Type, JsonObject Attributes)
{
    /// <summary>The part of the id after "type:LAB/", e.g. "g3-p1-r0" of "trial:lab/g3-p1-r0".</summary>
    public string Local => Id[(Id.IndexOf('/') + 1)..];

    /// <summary>The lab the element belongs to; null when it names none.</summary>
    public string? Lab => RecordJson.LabOf(Attributes);

    /// <summary>This element with its attributes read as the record of its type (e.g. GenerationRecord.From).</summary>
    public Recorded<T> As<T>(Func<JsonObject, T> read) where T : LabRecord
    {
        ArgumentNullException.ThrowIfNull(read);
        return new Recorded<T>(this, read(Attributes));
    }
}
