// `budget-change:LAB/N`: the budgets changed between two runs of the lab, as compact JSON before and after.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Successor.Records;

public sealed record BudgetChangeRecord : LabRecord
{
    public const string Type = "budget-change";

    /// <summary>The budgets before the change.</summary>
    [JsonPropertyName("from")] public string Previous { get; init; } = "";
    public string Budgets { get; init; } = "";

    public static BudgetChangeRecord From(JsonObject attributes) => RecordJson.Read<BudgetChangeRecord>(attributes);
}
