namespace Successor.Records;

/// <summary>`decision:LAB/&lt;local&gt;`: a person's approval or rejection of a request, why, and how long it
/// waited, signed with their key.</summary>
public sealed record DecisionRecord(string Request, string Gate, bool Approved, string By, string Reason,
    double LagSeconds)
    : LabRecord<DecisionRecord>
{
    public const string Type = "gate-decision";

    /// <summary>Ed25519 signature (hex) of the deciding person over the record without this field.</summary>
    public string? Signature { get; init; }
}
