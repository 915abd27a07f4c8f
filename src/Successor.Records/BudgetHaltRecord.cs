namespace Successor.Records;

/// <summary>`halt:LAB/gN`: the lab stopped in a generation because a compute budget ran out.</summary>
public sealed record BudgetHaltRecord(string Reason) : LabRecord<BudgetHaltRecord>
{
    public const string Type = "halt";
}
