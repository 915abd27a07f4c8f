// Student's t distribution, for the 95% intervals of trend fits with few points: MathNet.Numerics'
// StudentT behind the argument checks this project's callers rely on. Its quantile is a root search
// on the CDF, within about 1e-10 relative of the exact value: plenty for a chart's interval band.
namespace Successor.Statistics;

public static class StudentT
{
    /// <summary>P(T ≤ t) for T with the given degrees of freedom (≥ 1).</summary>
    public static double Cdf(double t, int degreesOfFreedom)
    {
        RequireDegreesOfFreedom(degreesOfFreedom);
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsInfinity(t)) return t > 0 ? 1 : 0;
        return MathNet.Numerics.Distributions.StudentT.CDF(0, 1, degreesOfFreedom, t);
    }

    /// <summary>The t with P(T ≤ t) = p, for 0 &lt; p &lt; 1; Quantile(0.975, ν) is the 95% two-sided
    /// multiplier.</summary>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a quantile needs 0 < p < 1");
        RequireDegreesOfFreedom(degreesOfFreedom);
        return MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, p);
    }

    static void RequireDegreesOfFreedom(int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom,
                "Student's t needs at least 1 degree of freedom");
    }
}
