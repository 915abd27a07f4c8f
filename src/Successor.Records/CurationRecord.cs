// `curation:LAB/gN`: the champion's answers past its frontier, what the filter kept, and the measures of
// the kept data (KeptDataMonitors).
using System.Text.Json.Serialization;

namespace Successor.Records;

public sealed record CurationRecord : LabRecord<CurationRecord>
{
    public const string Type = "curation";

    public int Generation { get; init; }
    public IReadOnlyList<int> Difficulties { get; init; } = [];
    public string Filter { get; init; } = "";
    public int Generated { get; init; }
    public int Kept { get; init; }
    public int KeptCorrect { get; init; }
    public double KeptLabelAccuracy { get; init; }
    public IReadOnlyList<int> KeptPerDifficulty { get; init; } = [];
    public string? ReferenceCheckpoint { get; init; }
    public bool OriginalDataIncluded { get; init; }
    /// <summary>The kept set's artifact digest; absent when nothing was kept.</summary>
    public string? Data { get; init; }
    /// <summary>The vote filter's voters with their checkpoints: "gN-champion sha256:…" (the champion, trained in
    /// generation N) first, then "gN-siblingI sha256:…"; absent for other filters.</summary>
    public IReadOnlyList<string>? Voters { get; init; }
    /// <summary>Problems the vote dropped because no plausible answer had a majority of the voters.</summary>
    public int? VoteNoMajority { get; init; }
    /// <summary>Problems the vote dropped because the majority's answer had an implausible length.</summary>
    public int? VoteImplausibleLength { get; init; }
    /// <summary>Per curated difficulty, the problems on which every voter gave the kept answer: what tells the
    /// lab, without the checker, that the champion masters a length (FrontierProbe.Curated).</summary>
    public IReadOnlyList<int>? VoteUnanimousPerDifficulty { get; init; }

    [JsonPropertyName("distinct_2")] public double? Distinct2 { get; init; }
    [JsonPropertyName("distinct_2_truth")] public double? Distinct2Truth { get; init; }
    public double? DiversityRatio { get; init; }
    public double? EntropyBits { get; init; }
    public double? PerplexityParent { get; init; }
    public double? PerplexityReference { get; init; }
    public double? PerplexityReferenceTruth { get; init; }
    public double? PerplexityDrift { get; init; }
    public double? TailCoverage { get; init; }
}
