// `incident:LAB/<local>`: something a safety check caught, with its severity ("critical" or "warning").
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record IncidentRecord : LabRecord
{
    public const string Type = "incident";

    public string Kind { get; init; } = "";
    public string Detail { get; init; } = "";
    public string Severity { get; init; } = "";

    public static IncidentRecord From(JsonObject attributes) => RecordJson.Read<IncidentRecord>(attributes);
}
