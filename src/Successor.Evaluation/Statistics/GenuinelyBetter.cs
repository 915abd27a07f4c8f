// The promotion rule: B is genuinely better than A when the 95% CI of B's improvement on the sealed
// holdout excludes zero (Low > 0) and no family × difficulty slice loses more than `tolerance` accuracy.
using Successor.Statistics;

namespace Successor.Evaluation.Statistics;

public static class GenuinelyBetter
{
    public const double DefaultTolerance = 0.02;

    public static Verdict Decide(Comparison overall, IReadOnlyList<SliceDelta> slices,
        double tolerance = DefaultTolerance)
    {
        var worst = slices.OrderBy(s => s.Delta).FirstOrDefault();
        string reason =
            overall.Low <= 0
                ? $"the 95% CI of the improvement [{overall.Low:0.####}, {overall.High:0.####}] does not exclude zero"
            : worst is not null && worst.Delta < -tolerance
                ? $"slice {worst.Family} d={worst.Difficulty} regresses by {-worst.Delta:0.####} " +
                $"(tolerance {tolerance:0.####})"
            : $"improvement {overall.Difference:0.####}, 95% CI [{overall.Low:0.####}, {overall.High:0.####}], " +
                $"no slice regresses by more than {tolerance:0.####}";
        bool better = overall.Low > 0 && (worst is null || worst.Delta >= -tolerance);
        return new Verdict(better, overall, slices, tolerance, reason);
    }
}
