// The judge's re-evaluation of one trial model: the mean public score its worker reported and the judge's own,
// the largest difference on any item, and whether they agree within float noise (else why not).

namespace Successor.Lab.Judge;

public sealed record TrialCheck(string Id, double Reported, double? Judged, double MaxDifference, bool Matches,
    string? Why = null)
{
    /// <summary>Largest per-item difference that is still float noise. Workers and the judge run the same
    /// deterministic kernels (bitwise identical for any thread count), so any real difference is far above it.
    /// </summary>
    public const double Noise = 1e-6;
}
