// Gaming, collapse and compounding-error monitors and their alarm thresholds.

namespace Successor.Lab.Config;

/// <summary>Gaming, collapse and compounding-error monitors.</summary>
public sealed record SafetyConfig
{
    /// <summary>What the researcher learns of the sealed holdout: none, or thresholdout (the champion's holdout
    /// score through Dwork et al.'s reusable holdout, with a budget of over-threshold answers).</summary>
    [TemplateComment("none (default: the researcher never sees holdout numbers) or thresholdout (Dwork et al. 2015).")]
    public string HoldoutFeedback { get; init; } = "none";
    public int ThresholdoutBudget { get; init; } = 20;
    [TemplateComment("Alarm when public-validation gain exceeds sealed-holdout gain by this many standard errors.")]
    public double DivergenceZ { get; init; } = 3;
    /// <summary>Halt when the checks' cumulative reliability, projected this many generations ahead, falls below
    /// min_projected_reliability.</summary>
    [TemplateComment("Generations ahead over which the checks' compounded reliability is projected.")]
    public int ReliabilityHorizon { get; init; } = 10;
    [TemplateComment("The lab halts when that projection falls below this.")]
    public double MinProjectedReliability { get; init; } = 0.5;
    /// <summary>Alarm when the kept answers' distinct-2 share is below this fraction of the true answers' to the
    /// same prompts (1: as varied as the truth).</summary>
    public double MinDiversityRatio { get; init; } = 0.5;
    /// <summary>Alarm when the reference model (the first champion, trained on original data only) finds the
    /// kept answers more than this many times as perplexing as the true answers, or less than 1/this.</summary>
    public double MaxPerplexityDrift { get; init; } = 2;
    /// <summary>Alarm when the kept answers hold less than this share of the rare 3-grams (over every posed
    /// problem's true answer) that the true answers of the kept prompts hold.</summary>
    public double MinTailCoverage { get; init; } = 0.5;
    /// <summary>Severity of the trial-stream anomalies (outliers, loss change points, throughput drops): warning
    /// (recorded and shown) or critical (the candidate fails closed and the loop waits for a person).</summary>
    [TemplateComment("Trial outliers, loss change points and throughput drops: " +
        "warning (recorded) or critical (fail closed, wait for a person).")]
    public string AnomalySeverity { get; init; } = "warning";

    /// <summary>Whether kept answers' perplexity drift is within max_perplexity_drift. Drift is a ratio: as far
    /// below 1 (blander than the truth) as above it (stranger) alarms.</summary>
    public bool WithinDrift(double drift) => drift <= MaxPerplexityDrift && drift >= 1 / MaxPerplexityDrift;
}
