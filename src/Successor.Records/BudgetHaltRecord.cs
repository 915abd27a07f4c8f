// `halt:LAB/gN`: the lab stopped in a generation because a compute budget ran out.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record BudgetHaltRecord : LabRecord
{
    public const string Type = "halt";

    public string Reason { get; init; } = "";

    public static BudgetHaltRecord From(JsonObject attributes) => RecordJson.Read<BudgetHaltRecord>(attributes);
}
