namespace Successor.Records;

/// <summary>`safety:LAB/gN`: every newly kept problem checked to be a training-side problem of a known
/// family.</summary>
public sealed record KeptDataCheckRecord(int Generation, int Checked, int OffTrainingSide, int Malformed, bool Passed)
    : LabRecord<KeptDataCheckRecord>
{
    public const string Type = "safety-check";
}
