// `checkpoint:<digest prefix>`: a champion's weights, an artifact of the lab (generation absent for the first).
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record CheckpointRecord : LabRecord
{
    public const string Type = "checkpoint";

    public int? Generation { get; init; }
    public string? Digest { get; init; }

    public static CheckpointRecord From(JsonObject attributes) => RecordJson.Read<CheckpointRecord>(attributes);
}
