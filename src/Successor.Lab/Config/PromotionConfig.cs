// What a successor must pass to be promoted: the Verifier's slices and tolerance on the sealed holdout, and
// the share of kept self-generated labels that must be correct.

namespace Successor.Lab.Config;

public sealed record PromotionConfig
{
    /// <summary>Sealed curriculum slices the Verifier scores champion and successor on.</summary>
    public string Difficulties { get; init; } = "1-5";
    public int ItemsPerSlice { get; init; } = 150;
    [TemplateComment("Largest accuracy loss allowed on any sealed slice.")]
    public double Tolerance { get; init; } = 0.03;
    /// <summary>Gate: the share of kept self-generated labels that are correct must be at least this (a
    /// generation that kept nothing passes). Measured with the exact checker, whatever the filter.</summary>
    [TemplateComment("Gate: share of kept self-generated labels that must be correct.")]
    public double MinKeptLabelAccuracy { get; init; } = 0.9;
}
