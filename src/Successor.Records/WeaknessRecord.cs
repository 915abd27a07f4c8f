// `weakness:LAB/gN`: the champion on public validation (never the sealed holdout): its score, every
// slice, a few failures, and the weaknesses the researcher is given. Also stored as an artifact.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record WeaknessRecord : LabRecord
{
    public const string Type = "weakness-report";

    public double PublicScore { get; init; }
    public IReadOnlyList<SliceScore> Slices { get; init; } = [];
    public IReadOnlyList<string>? Failures { get; init; }
    public int Generation { get; init; }
    public string Metric { get; init; } = "";
    public IReadOnlyList<WeaknessEntry> Weaknesses { get; init; } = [];
    public string? Digest { get; init; }

    public static WeaknessRecord From(JsonObject attributes) => RecordJson.Read<WeaknessRecord>(attributes);

    /// <summary>One slice of public validation and its score in the lab's metric.</summary>
    public sealed record SliceScore(string Slice, double? Accuracy = null, double? BitsPerByte = null);

    /// <summary>A slice the researcher is told about, worst first.</summary>
    public sealed record WeaknessEntry(string Slice, double Score, string Metric);
}
