// `decision:LAB/<local>`: a person's approval or rejection of a request, why, and how long it waited.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record DecisionRecord : LabRecord
{
    public const string Type = "gate-decision";

    public string Request { get; init; } = "";
    public string Gate { get; init; } = "";
    public bool Approved { get; init; }
    public string By { get; init; } = "";
    public string Reason { get; init; } = "";
    public double LagSeconds { get; init; }

    public static DecisionRecord From(JsonObject attributes) => RecordJson.Read<DecisionRecord>(attributes);
}
