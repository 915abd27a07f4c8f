// `finding:LAB/<trial>`: one change's paired effect against its control; the lab's memory.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record FindingRecord : LabRecord
{
    public const string Type = "finding";

    public int Generation { get; init; }
    public string Proposal { get; init; } = "";
    public string Trial { get; init; } = "";
    public IReadOnlyList<string> Overrides { get; init; } = [];
    public int Steps { get; init; }
    public double Score { get; init; }
    public double Effect { get; init; }
    public double Low { get; init; }
    public double High { get; init; }
    public double PValue { get; init; }

    public static FindingRecord From(JsonObject attributes) => RecordJson.Read<FindingRecord>(attributes);
}
