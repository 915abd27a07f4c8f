// `safety:LAB/gN`: every newly kept problem checked to be a training-side problem of a known family.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record KeptDataCheckRecord : LabRecord
{
    public const string Type = "safety-check";

    public int Generation { get; init; }
    public int Checked { get; init; }
    public int OffTrainingSide { get; init; }
    public int Malformed { get; init; }
    public bool Passed { get; init; }

    public static KeptDataCheckRecord From(JsonObject attributes) => RecordJson.Read<KeptDataCheckRecord>(attributes);
}
