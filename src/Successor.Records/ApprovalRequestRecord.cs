namespace Successor.Records;

/// <summary>`request:LAB/&lt;local&gt;`: a stage waiting for a person, naming its gate and what is asked.</summary>
public sealed record ApprovalRequestRecord(string Gate, string Summary) : LabRecord<ApprovalRequestRecord>
{
    public const string Type = "approval-request";

    /// <summary>Field by field, what approving would change (null when the request changes no setting, as a
    /// promotion, or was recorded before requests kept their changes).</summary>
    public IReadOnlyList<FieldChange>? Changes { get; init; }
}
