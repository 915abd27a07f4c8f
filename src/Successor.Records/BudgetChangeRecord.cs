using System.Text.Json.Serialization;

namespace Successor.Records;

/// <summary>`budget-change:LAB/N`: the budgets changed between two runs of the lab, as compact JSON before
/// (`from`) and after.</summary>
public sealed record BudgetChangeRecord([property: JsonPropertyName("from")] string Previous, string Budgets)
    : LabRecord<BudgetChangeRecord>
{
    public const string Type = "budget-change";
}
