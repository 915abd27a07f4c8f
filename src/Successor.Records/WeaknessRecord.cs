namespace Successor.Records;

/// <summary>`weakness:LAB/gN`: the champion on public validation (never the sealed holdout): its score, every
/// slice and a few failures, as the task measures them; the lab adds the generation and the weaknesses the
/// researcher is given. Also stored as an artifact.</summary>
public sealed record WeaknessRecord(double PublicScore, IReadOnlyList<WeaknessRecord.SliceScore> Slices,
    IReadOnlyList<string>? Failures = null) : LabRecord<WeaknessRecord>
{
    public const string Type = "weakness-report";

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<SliceScore> Slices { get; init; } = Slices ?? [];

    public int Generation { get; init; }
    public string Metric { get; init; } = "";
    public IReadOnlyList<WeaknessEntry> Weaknesses { get; init; } = [];
    public string? Digest { get; init; }

    /// <summary>One slice of public validation and its score in the lab's metric.</summary>
    public sealed record SliceScore(string Slice, double? Accuracy = null, double? BitsPerByte = null);

    /// <summary>A slice the researcher is told about, worst first.</summary>
    public sealed record WeaknessEntry(string Slice, double Score, string Metric);
}
