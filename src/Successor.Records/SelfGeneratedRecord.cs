// `self-generated:LAB/gN`: a kept self-generated set, an artifact derived from the champion that wrote it.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record SelfGeneratedRecord : LabRecord
{
    public const string Type = "self-generated-data";

    public int Generation { get; init; }
    public int Kept { get; init; }
    public string? Digest { get; init; }

    public static SelfGeneratedRecord From(JsonObject attributes) => RecordJson.Read<SelfGeneratedRecord>(attributes);
}
