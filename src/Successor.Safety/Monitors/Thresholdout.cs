// Thresholdout (Dwork, Feldman, Hardt, Pitassi, Reingold and Roth 2015, "The reusable holdout:
// Preserving validity in adaptive data analysis", Science 349(6248), 636–638).
// An analyst who keeps choosing queries after seeing holdout answers will overfit the holdout. Here
// each query brings its value on the public set and on the holdout; while the two agree within a
// noisy threshold the public value comes back and the holdout reveals only that noisy agreement.
// When they disagree the holdout value comes back with Laplace noise and one unit of budget is spent.
// With the budget gone the holdout is never consulted again, so what it leaks grows with B, not with
// the number of queries.
// The algorithm, exactly as in the paper:
//   start:      T̂ = T + γ,  γ ~ Lap(2σ)
//   each query: if B < 1 refuse; η ~ Lap(4σ);
//               if |holdout − public| > T̂ + η:
//                   ξ ~ Lap(σ), B −= 1, T̂ = T + Lap(2σ) (fresh), answer holdout + ξ
//               else answer public
// With the defaults (T = 0.04, σ = 0.01) the per-query noise Lap(4σ) is as wide as the threshold, so
// roughly one query in six spends budget even when public and holdout agree exactly; size B for that.
// Not a statistic of its own: the caller computes both values; this class decides which one may be seen.

namespace Successor.Safety.Monitors;

public sealed class Thresholdout
{
    public const double DefaultThreshold = 0.04;
    public const double DefaultSigma = 0.01;
    public const int DefaultBudget = 20;

    readonly double threshold, sigma;
    readonly Random random;
    readonly Lock gate = new();
    double noisyThreshold;

    public Thresholdout(double threshold = DefaultThreshold, double sigma = DefaultSigma, int budget = DefaultBudget,
        ulong seed = 0)
    {
        if (!(threshold >= 0) || double.IsInfinity(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold,
                "threshold must be a finite number ≥ 0, e.g. 0.04");
        if (!(sigma >= 0) || double.IsInfinity(sigma))
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma,
                "noise scale σ must be a finite number ≥ 0, e.g. 0.01");
        if (budget < 0)
            throw new ArgumentOutOfRangeException(nameof(budget), budget,
                "budget must be ≥ 0 over-threshold answers, e.g. 20");
        this.threshold = threshold;
        this.sigma = sigma;
        random = Laplace.Seeded(seed);
        noisyThreshold = threshold + Laplace.Sample(random, 2 * sigma);
        Remaining = budget;
    }

    /// <summary>Over-threshold answers the holdout may still give.</summary>
    public int Remaining { get; private set; }

    /// <summary>Every call to Query, refused ones included.</summary>
    public int Queries { get; private set; }

    public bool Exhausted => Remaining < 1;

    public ThresholdoutAnswer Query(double publicValue, double holdoutValue)
    {
        if (!double.IsFinite(publicValue))
            throw new ArgumentOutOfRangeException(nameof(publicValue), publicValue,
                "the public value must be a finite number");
        if (!double.IsFinite(holdoutValue))
            throw new ArgumentOutOfRangeException(nameof(holdoutValue), holdoutValue,
                "the holdout value must be a finite number");
        lock (gate)
        {
            Queries++;
            if (Exhausted) return new ThresholdoutAnswer(double.NaN, FromHoldout: false, Refused: true, Remaining: 0);
            double eta = Laplace.Sample(random, 4 * sigma);
            if (Math.Abs(holdoutValue - publicValue) <= noisyThreshold + eta)
                return new ThresholdoutAnswer(publicValue, FromHoldout: false, Refused: false, Remaining);
            double xi = Laplace.Sample(random, sigma);
            Remaining--;
            noisyThreshold = threshold + Laplace.Sample(random, 2 * sigma);
            return new ThresholdoutAnswer(holdoutValue + xi, FromHoldout: true, Refused: false, Remaining);
        }
    }
}
