namespace Successor.Records;

/// <summary>`contamination-check:LAB/train`: the original training data against public validation and the
/// sealed holdout; no document count means the curriculum's partition rules overlap out.</summary>
public sealed record ContaminationCheckRecord(int? Documents, int Flagged, double Rate, string? Example, bool Passed)
    : LabRecord<ContaminationCheckRecord>
{
    public const string Type = "contamination-check";
}
