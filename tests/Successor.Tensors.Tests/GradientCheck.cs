// Central finite differences against an analytic gradient, in the reference kernels' float arithmetic.
namespace Successor.Tensors.Tests;

public static unsafe class GradientCheck
{
    /// <summary>Asserts analytic[i] ≈ (loss(x+eps) − loss(x−eps)) / 2eps for every element of x.</summary>
    public static void Matches(string what, float* x, long count, float* analytic, Func<double> loss,
        float eps = 1e-2f, double tolerance = 1e-2)
    {
        for (long i = 0; i < count; i++)
        {
            float saved = x[i];
            x[i] = saved + eps;
            double plus = loss();
            x[i] = saved - eps;
            double minus = loss();
            x[i] = saved;
            double numeric = (plus - minus) / (2 * eps);
            double error = Math.Abs(numeric - analytic[i]) / Math.Max(1.0, Math.Abs(numeric) + Math.Abs(analytic[i]));
            Assert.True(error < tolerance,
                $"{what}[{i}]: analytic {analytic[i]:G6} vs numeric {numeric:G6} (relative error {error:G3})");
        }
    }
}
