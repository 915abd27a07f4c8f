// The promotion rule: B is genuinely better than A when the 95% CI of B's improvement on the sealed
// holdout excludes zero (Low > 0), no family × difficulty slice loses more than `tolerance` accuracy and, when
// asked, B keeps what A has mastered: the tolerance alone lets a successor slip from 99.5% to 97% on a length
// answered reliably. From accuracies alone, "mastered" is the 99% horizon (every length up to d at least 99%
// right) and B's must not fall below A's. When the slices carry both models' answers to the same problems, the
// rule asks for evidence instead of a point on a line: a length is mastered while its accuracy is not
// significantly below 99% (one-sided 95% Clopper–Pearson bound; at 200 problems, 5 wrong or fewer), and B loses
// it when B is significantly below 99% there or lost significantly more of A's right answers than it gained
// (exact sign test, one-sided p < 0.05). At 200 problems a slice one wrong answer from the line crosses it by
// noise alone, and a successor +0.31 better was once refused on that; the floor stops small slips from adding
// up over generations. The tolerance guards the slices A answers at least half right: past that, A's capability
// horizon (the hardest length answered at least half right), a slice is room to show a gain (the moving holdout
// seals three there for that), not ground A holds, and a successor with twice A's 99% horizon (16 against 8)
// was once refused because 35-digit sums, which A answers 7% right, fell by 0.06. Falls there are named.
using Successor.Statistics;

namespace Successor.Evaluation.Statistics;

public static class GenuinelyBetter
{
    public const double DefaultTolerance = 0.02;
    /// <summary>The level of both tests behind "a mastered length is lost".</summary>
    public const double SlipAlpha = 0.05;
    /// <summary>The slices the tolerance guards: those A answers at least this share of right (its horizon's
    /// level).</summary>
    public const double Guarded = 0.5;

    public static Verdict Decide(Comparison overall, IReadOnlyList<SliceDelta> slices,
        double tolerance = DefaultTolerance, bool keepReliableHorizon = false)
    {
        var worst = slices.Where(s => s.AccuracyA >= Guarded).OrderBy(s => s.Delta).FirstOrDefault();
        var pastHorizon = slices.Where(s => s.AccuracyA < Guarded && s.Delta < -tolerance).ToList();
        var (horizonA, horizonB) = (Horizon(slices, s => s.AccuracyA), Horizon(slices, s => s.AccuracyB));
        bool paired = slices.Count > 0 && slices.All(s => s is { Count: > 0, Lost: not null, Gained: not null });
        int mastered = paired ? ReliableHorizon.Of(slices, s => s.Family, s => s.Difficulty,
            s => !Below(s.AccuracyA, s.Count!.Value)) : horizonA;
        var lost = keepReliableHorizon && paired ? slices.FirstOrDefault(s => s.Difficulty <= mastered && Lost(s))
            : null;
        bool kept = !keepReliableHorizon || (paired ? lost is null : horizonB >= horizonA);
        string reason =
            overall.Low <= 0
                ? $"the 95% CI of the improvement [{overall.Low:0.####}, {overall.High:0.####}] does not exclude zero"
            : worst is not null && worst.Delta < -tolerance
                ? $"slice {worst.Family} d={worst.Difficulty} regresses by {-worst.Delta:0.####} " +
                $"(tolerance {tolerance:0.####})"
            : !kept
                ? lost is not null
                    ? $"a mastered length is lost: {Describe(lost)} (99% horizon {horizonA} → {horizonB})"
                    : $"the 99% horizon falls from {horizonA} to {horizonB} (a mastered length is no longer mastered)"
            : $"improvement {overall.Difference:0.####}, 95% CI [{overall.Low:0.####}, {overall.High:0.####}], " +
                $"no slice regresses by more than {tolerance:0.####}" +
                (pastHorizon.Count == 0 ? "" : $" where the champion answers at least half right (past it: " +
                    string.Join(", ", pastHorizon.Select(s => $"{s.Family} d={s.Difficulty} {s.AccuracyA:0.###} → " +
                        $"{s.AccuracyB:0.###}")) + ")") +
                (keepReliableHorizon && paired && horizonB < horizonA
                    ? $"; the 99% horizon {horizonA} → {horizonB} within chance (" +
                      Describe(slices.Where(s => !Holds(s.AccuracyB)).MinBy(s => s.Difficulty)!) + ")"
                    : "");
        bool better = overall.Low > 0 && (worst is null || worst.Delta >= -tolerance) && kept;
        return new Verdict(better, overall, slices, tolerance, reason);
    }

    /// <summary>B lost the slice: significantly below 99%, or significantly more of A's right answers lost than
    /// gained.</summary>
    static bool Lost(SliceDelta s) => Below(s.AccuracyB, s.Count!.Value) || SignP(s) < SlipAlpha;

    static double SignP(SliceDelta s) => SignTest.OneSided(s.Lost!.Value, s.Gained!.Value);

    /// <summary>An accuracy over n problems significantly below 99%: its one-sided 95% upper bound is under the
    /// line (at 200 problems, 6 wrong or more).</summary>
    static bool Below(double accuracy, int n) =>
        ClopperPearson.Upper((int)Math.Round(accuracy * n), n, 1 - SlipAlpha) < ReliableHorizon.Threshold;

    static string Describe(SliceDelta s) =>
        $"{s.Family} d={s.Difficulty} at {s.AccuracyB:0.###} ({s.AccuracyA:0.###} before), {s.Lost} answers lost " +
        $"and {s.Gained} gained, one-sided sign test p = {SignP(s):0.###}" +
        (Below(s.AccuracyB, s.Count!.Value) ? ", significantly below 0.99" : "");

    /// <summary>ReliableHorizon.Of on slice accuracies.</summary>
    static int Horizon(IReadOnlyList<SliceDelta> slices, Func<SliceDelta, double> accuracy) =>
        ReliableHorizon.Of(slices, s => s.Family, s => s.Difficulty, s => Holds(accuracy(s)));

    /// <summary>At least 99% right; a hair under 0.99, so 198 of 200 (which rounds to 0.99 exactly or just below)
    /// holds.</summary>
    static bool Holds(double accuracy) => accuracy >= ReliableHorizon.Threshold - 1e-9;
}
