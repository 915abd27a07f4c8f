// What a text lab's original training data shares with its evaluation data: public validation (the lab
// reads it) and the sealed holdout (only the Verifier reads it; its report quotes the training side only).
using Successor.Data.Contamination;

namespace Successor.Lab.Workloads;

public sealed record TrainingOverlap(ContaminationReport Validation, ContaminationReport Sealed)
{
    /// <summary>Refused when any document overlaps the sealed holdout, or more than `threshold` of them overlap
    /// public validation.</summary>
    public bool Passed(double threshold) => Sealed.SealedFlagged == 0 && Validation.Rate <= threshold;
}
