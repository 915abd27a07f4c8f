namespace Successor.Records;

/// <summary>`decision:LAB/&lt;local&gt;`: a person's approval or rejection of a request, why, and how long it
/// waited.</summary>
public sealed record DecisionRecord(string Request, string Gate, bool Approved, string By, string Reason,
    double LagSeconds)
    : LabRecord<DecisionRecord>
{
    public const string Type = "gate-decision";
}
