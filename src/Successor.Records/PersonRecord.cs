// `person:<name>`: a person who may look at or decide for a lab; only their token's SHA-256 is kept.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record PersonRecord : LabRecord
{
    public const string Type = "person";

    public string Role { get; init; } = "";
    public string TokenSha256 { get; init; } = "";
    public string AddedBy { get; init; } = "";

    public static PersonRecord From(JsonObject attributes) => RecordJson.Read<PersonRecord>(attributes);
}
