namespace Successor.Records;

/// <summary>`self-generated:LAB/gN`: a kept self-generated set, an artifact derived from the champion that
/// wrote it.</summary>
public sealed record SelfGeneratedRecord(int Generation, int Kept, string? Digest = null)
    : LabRecord<SelfGeneratedRecord>
{
    public const string Type = "self-generated-data";
}
