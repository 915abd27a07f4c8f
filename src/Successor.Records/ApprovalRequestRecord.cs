// `request:LAB/<local>`: a stage waiting for a person, naming its gate and what is asked.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record ApprovalRequestRecord : LabRecord
{
    public const string Type = "approval-request";

    public string Gate { get; init; } = "";
    public string Summary { get; init; } = "";

    public static ApprovalRequestRecord From(JsonObject attributes) => RecordJson.Read<ApprovalRequestRecord>(attributes);
}
