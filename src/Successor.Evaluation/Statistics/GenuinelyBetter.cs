// The promotion rule: B is genuinely better than A when the 95% CI of B's improvement on the sealed
// holdout excludes zero (Low > 0), no family × difficulty slice loses more than `tolerance` accuracy and, when
// asked, B's 99% horizon is not below A's (a length A answers at least 99% right, with every easier one, B must
// too: the tolerance alone lets a successor slip from 99.5% to 97% on a mastered length).
using Successor.Statistics;

namespace Successor.Evaluation.Statistics;

public static class GenuinelyBetter
{
    public const double DefaultTolerance = 0.02;

    public static Verdict Decide(Comparison overall, IReadOnlyList<SliceDelta> slices,
        double tolerance = DefaultTolerance, bool keepReliableHorizon = false)
    {
        var worst = slices.OrderBy(s => s.Delta).FirstOrDefault();
        var (horizonA, horizonB) = (Horizon(slices, s => s.AccuracyA), Horizon(slices, s => s.AccuracyB));
        bool horizonKept = !keepReliableHorizon || horizonB >= horizonA;
        string reason =
            overall.Low <= 0
                ? $"the 95% CI of the improvement [{overall.Low:0.####}, {overall.High:0.####}] does not exclude zero"
            : worst is not null && worst.Delta < -tolerance
                ? $"slice {worst.Family} d={worst.Difficulty} regresses by {-worst.Delta:0.####} " +
                $"(tolerance {tolerance:0.####})"
            : !horizonKept
                ? $"the 99% horizon falls from {horizonA} to {horizonB} (a mastered length is no longer mastered)"
            : $"improvement {overall.Difference:0.####}, 95% CI [{overall.Low:0.####}, {overall.High:0.####}], " +
                $"no slice regresses by more than {tolerance:0.####}";
        bool better = overall.Low > 0 && (worst is null || worst.Delta >= -tolerance) && horizonKept;
        return new Verdict(better, overall, slices, tolerance, reason);
    }

    /// <summary>ReliableHorizon.Of on slice accuracies; a hair under 0.99, so 198 of 200 (which rounds to 0.99
    /// exactly or just below) holds.</summary>
    static int Horizon(IReadOnlyList<SliceDelta> slices, Func<SliceDelta, double> accuracy) =>
        ReliableHorizon.Of(slices, s => s.Family, s => s.Difficulty,
            s => accuracy(s) >= ReliableHorizon.Threshold - 1e-9);
}
