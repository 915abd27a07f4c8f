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

    [Theory]
    [InlineData(1, 16)]
    [InlineData(15, 16)]
    [InlineData(16, 64)]
    [InlineData(37, 64)]
    [InlineData(64, 64)]
    [InlineData(5, 7)]
    [InlineData(130, 130)]
    public unsafe void A_causal_softmax_row_matches_double_precision_and_zeroes_the_rest_of_its_width(int valid,
        int width)
    {
        var rng = new Rng((ulong)(valid * 1000 + width));
        var row = new float[width + 16];
        for (int i = 0; i < row.Length; i++) row[i] = (float)(rng.NextDouble() * 8 - 4);
        row[width] = 123f; // past the width: must stay
        var x = row[..valid].Select(v => 0.3 * v).ToArray();
        double max = x.Max(), sum = x.Sum(v => Math.Exp(v - max));
        var d = new float[width + 16];
        for (int i = 0; i < d.Length; i++) d[i] = (float)(rng.NextDouble() - 0.5);
        d[width] = 7f;
        fixed (float* r = row, g = d)
        {
            SimdMath.CausalSoftmax(r, valid, width, 0.3f);
            var p = row[..valid].Select(v => (double)v).ToArray();
            double dot = p.Select((v, i) => v * d[i]).Sum();
            var expectedD = p.Select((v, i) => v * (d[i] - dot) * 0.3).ToArray();
            SimdMath.CausalSoftmaxBackward(r, g, valid, width, 0.3f);
            for (int i = 0; i < valid; i++)
            {
                Assert.True(Math.Abs(row[i] - Math.Exp(x[i] - max) / sum) < 1e-6, $"p[{i}] = {row[i]}");
                Assert.True(Math.Abs(d[i] - expectedD[i]) < 1e-6, $"d[{i}] = {d[i]}, expected {expectedD[i]}");
            }
        }
        Assert.All(row[valid..width], v => Assert.Equal(0f, v));
        Assert.All(d[valid..width], v => Assert.Equal(0f, v));
        Assert.Equal(123f, row[width]);
        Assert.Equal(7f, d[width]);
    }

    [Fact]
    public void Gelu_and_its_gradient_give_an_element_the_same_bits_wherever_it_falls_in_a_span()
    {
        var x = Inputs(-6f, 6f, 53);
        var dy = Inputs(-1f, 1f, 53);
        var whole = new float[x.Length];
        var wholeGrad = new float[x.Length];
        SimdMath.Gelu(x, whole);
        SimdMath.GeluBackward(x, dy, wholeGrad);
        for (int start = 1; start < 17; start++)
        {
            var part = new float[x.Length - start];
            var partGrad = new float[x.Length - start];
            SimdMath.Gelu(x.AsSpan(start), part);
            SimdMath.GeluBackward(x.AsSpan(start), dy.AsSpan(start), partGrad);
            Assert.Equal(whole[start..], part);
            Assert.Equal(wholeGrad[start..], partGrad);
        }
    }
}
