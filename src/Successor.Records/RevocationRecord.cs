// `revocation:<person>:<ms>`: an admin revoked a person's token.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record RevocationRecord : LabRecord
{
    public const string Type = "token-revocation";

    public string Person { get; init; } = "";
    public string RevokedBy { get; init; } = "";

    public static RevocationRecord From(JsonObject attributes) => RecordJson.Read<RevocationRecord>(attributes);
}
