// The lab's curriculum: the task families it trains on and the difficulties of its training data and
// public validation slices.

namespace Successor.Lab.Config;

public sealed record CurriculumConfig
{
    public string Families { get; init; } = "radd";
    [TemplateComment("The first champion's supervised training range.")]
    public string TrainDifficulties { get; init; } = "1-3";
    /// <summary>Public validation slices: weaknesses and trial scores (never the sealed holdout).</summary>
    [TemplateComment("Public validation slices: weakness analysis and trial scores.")]
    public string EvalDifficulties { get; init; } = "1-10";
    public int EvalItemsPerSlice { get; init; } = 100;
    [TemplateComment("true: kept self-generated problems are drawn a length at a time, every length equally often " +
        "(Lee et al. add an equal set per new length); false: each kept problem equally often.")]
    public bool KeptByLength { get; init; }
}
