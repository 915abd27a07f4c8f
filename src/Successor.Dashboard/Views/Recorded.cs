// A lab's ledger element with its attributes read as a typed record: what the views read fields from.
using Successor.Records;

namespace Successor.Dashboard.Views;

public sealed record Recorded<T>(LabElement Element, T Record) where T : LabRecord
{
    public string Id => Element.Id;

    /// <summary>The part of the id after "type:LAB/" (LabElement.Local).</summary>
    public string Local => Element.Local;

    public DateTimeOffset Time => Element.Time;
}
