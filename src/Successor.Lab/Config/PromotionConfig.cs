// What a successor must pass to be promoted: the Verifier's slices and tolerance on the sealed holdout, and
// the share of kept self-generated labels that must be correct.

namespace Successor.Lab.Config;

public sealed record PromotionConfig
{
    /// <summary>Sealed curriculum slices the Verifier scores champion and successor on.</summary>
    public string Difficulties { get; init; } = "1-5";
    /// <summary>200: the 99% horizon's test, at most 2 wrong of a slice, is exactly 99%.</summary>
    public int ItemsPerSlice { get; init; } = 200;
    /// <summary>The holdout moves with the frontier: the judge adds sealed slices above `difficulties` until this
    /// many lie past the hardest one the champion answers at least half right (its capability horizon), so a lab
    /// never runs out of room to show an improvement. Slices once sealed keep their problems (each difficulty is
    /// drawn on its own). 0: the slices of `difficulties` only.</summary>
    [TemplateComment("Sealed slices past the champion's horizon (the hardest slice it answers half right) the " +
        "judge keeps, adding harder ones as it moves (0: promotion.difficulties only).")]
    public int DifficultiesPastHorizon { get; init; } = 3;
    /// <summary>Guards the sealed slices the champion answers at least half right; past its horizon a slice is
    /// room to show a gain, and a fall there is named in the verdict, not refused (GenuinelyBetter).</summary>
    [TemplateComment("Largest accuracy loss allowed on a sealed slice the champion answers at least half right.")]
    public double Tolerance { get; init; } = 0.03;
    /// <summary>A successor that loses a length the champion has mastered on the sealed slices is not genuinely
    /// better, whatever its overall gain: a length once mastered stays mastered (Lee et al. admit a length only at
    /// 99%, and a loop that trades a mastered length for partial credit on harder ones is not improving). Judged
    /// with tests on the paired answers, not a point on the line (GenuinelyBetter).</summary>
    [TemplateComment("Refuse a successor that loses a length the champion answers 99% right (tested, not a point).")]
    public bool KeepReliableHorizon { get; init; } = true;
    /// <summary>Gate: the share of kept self-generated labels that are correct must be at least this (a
    /// generation that kept nothing passes). Measured with the exact checker, whatever the filter.</summary>
    [TemplateComment("Gate: share of kept self-generated labels that must be correct.")]
    public double MinKeptLabelAccuracy { get; init; } = 0.9;
    /// <summary>An ablation, never a lab whose models are used: Lee et al. (ICML 2025) adopt every round's model
    /// with no judge, and their unfiltered runs collapse because nothing stops a worse model from generating the
    /// next round's data. With this on, a successor whose training ran becomes the champion whatever the judge
    /// finds; the judge still scores it, its verdict and the audit's failed promotion-rule check are recorded, and
    /// every other check (kept-label gate, kept-data safety, critical incidents) and human gate still
    /// decides.</summary>
    [TemplateComment("Ablation only (Lee et al.'s protocol): every successor that trains becomes the champion " +
        "whatever the judge finds; the verdict is still recorded and every other check and gate still decides.")]
    public bool AdoptEverySuccessor { get; init; }
}
