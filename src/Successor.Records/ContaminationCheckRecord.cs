// `contamination-check:LAB/train`: the original training data against public validation and the sealed
// holdout; absent counts mean the curriculum's partition rules overlap out.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record ContaminationCheckRecord : LabRecord
{
    public const string Type = "contamination-check";

    public int? Documents { get; init; }
    public int Flagged { get; init; }
    public double Rate { get; init; }
    public string? Example { get; init; }
    public bool Passed { get; init; }

    public static ContaminationCheckRecord From(JsonObject attributes) => RecordJson.Read<ContaminationCheckRecord>(attributes);
}
