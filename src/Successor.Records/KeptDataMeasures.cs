namespace Successor.Records;

/// <summary>The measures of a kept self-generated set against the true answers to its prompts.</summary>
public sealed record KeptDataMeasures(double? Distinct2, double? Distinct2Truth, double? DiversityRatio,
    double? EntropyBits, double? PerplexityParent, double? PerplexityReference, double? PerplexityReferenceTruth,
    double? PerplexityDrift, double? TailCoverage);
