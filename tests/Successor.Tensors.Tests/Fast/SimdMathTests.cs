// The vectorised exp/tanh/sigmoid against double-precision math, at every position of a span.
using Successor.Tensors.Fast;

namespace Successor.Tensors.Tests.Fast;

public sealed class SimdMathTests
{
    static float[] Inputs(float low, float high, int count) =>
        [.. Enumerable.Range(0, count).Select(i => low + (high - low) * i / (count - 1))];

    [Fact]
    public void Exp_has_a_relative_error_below_three_ulps_over_the_float_range()
    {
        var x = Inputs(-87f, 88f, 10_001);
        var y = new float[x.Length];
        SimdMath.Exp(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Exp(x[i]);
            Assert.True(Math.Abs(y[i] - expected) <= 3e-7 * expected, $"exp({x[i]}) = {y[i]}, expected {expected}");
        }
    }

    [Fact]
    public void Tanh_and_sigmoid_are_within_two_millionths_absolute()
    {
        var x = Inputs(-20f, 20f, 4_001);
        var t = new float[x.Length];
        var s = new float[x.Length];
        SimdMath.Tanh(x, t);
        SimdMath.Sigmoid(x, s);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Math.Abs(t[i] - Math.Tanh(x[i])) < 2e-7, $"tanh({x[i]}) = {t[i]}");
            Assert.True(Math.Abs(s[i] - 1 / (1 + Math.Exp(-x[i]))) < 2e-7, $"sigmoid({x[i]}) = {s[i]}");
        }
    }

    [Fact]
    public void Extremes_saturate_and_nan_propagates()
    {
        float[] x = [-1000f, 1000f, float.NaN, 0f, -0f];
        var e = new float[5];
        var t = new float[5];
        SimdMath.Exp(x, e);
        SimdMath.Tanh(x, t);
        Assert.True(e[0] < 1e-37f && e[1] > 1e38f && float.IsNaN(e[2]) && e[3] == 1f);
        Assert.Equal(-1f, t[0]);
        Assert.Equal(1f, t[1]);
        Assert.True(float.IsNaN(t[2]));
        Assert.Equal(0f, t[3]);
    }

    [Fact]
    public void An_element_gets_the_same_bits_wherever_it_falls_in_a_span()
    {
        var x = Inputs(-5f, 5f, 37);
        var whole = new float[x.Length];
        SimdMath.Exp(x, whole);
        for (int start = 0; start < 9; start++)
        {
            var part = new float[x.Length - start];
            SimdMath.Exp(x.AsSpan(start), part);
            Assert.Equal(whole[start..], part);
        }
    }
}
