// `halt:LAB/N`: a person pressed the kill switch (`successor halt`), with why.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record HaltRequestRecord : LabRecord
{
    public const string Type = "halt-request";

    public string By { get; init; } = "";
    public string Reason { get; init; } = "";

    public static HaltRequestRecord From(JsonObject attributes) => RecordJson.Read<HaltRequestRecord>(attributes);
}
