// The change-point scan must find a loss that jumps back up, at the right step, and must stay quiet
// on ordinary noisy decreasing curves of many shapes and noise levels.
using Successor.Safety.Monitors;

namespace Successor.Safety.Tests.Monitors;

public sealed class ChangePointTests
{
    /// <summary>100 steps falling linearly from 3.0 to 2.0 at step 60, where the loss jumps by 1.5 to 3.5 and falls
    /// on.</summary>
    static double[] JumpingCurve(int seed, double noise = 0.05)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 100)
            .Select(t => 3.0 - t / 60.0 + (t >= 60 ? 1.5 : 0) + noise * SeededNoise.Gaussian(random))
            .ToArray();
    }

    /// <summary>A typical training curve: exponential decay to a floor, shape and noise varied by seed.</summary>
    static double[] CleanCurve(int seed)
    {
        var random = new Random(seed);
        double floor = 1 + random.NextDouble(), height = 1 + 3 * random.NextDouble();
        double timeConstant = 10 + 40 * random.NextDouble(), noise = 0.01 + 0.09 * random.NextDouble();
        return Enumerable.Range(0, 100)
            .Select(t => floor + height * Math.Exp(-t / timeConstant) + noise * SeededNoise.Gaussian(random))
            .ToArray();
    }

    [Fact]
    public void An_upward_jump_in_a_noisy_decreasing_loss_is_found_at_its_step()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var result = ChangePoint.Detect(JumpingCurve(seed));
            Assert.True(result.Detected, $"seed {seed}: statistic {result.Statistic}");
            Assert.Equal(60, result.Index);
            Assert.InRange(result.Shift, 1.3, 1.7);
            Assert.True(result.Statistic > ChangePoint.DefaultThreshold);
        }
    }

    [Fact]
    public void Fifty_smooth_noisy_decreasing_curves_raise_at_most_one_false_alarm()
    {
        int alarms = Enumerable.Range(1000, 50).Count(seed => ChangePoint.Detect(CleanCurve(seed)).Detected);
        Assert.InRange(alarms, 0, 1);
    }

    [Fact]
    public void A_sudden_drop_is_reported_with_a_negative_shift()
    {
        var curve = JumpingCurve(3).Select((v, t) => t >= 60 ? v - 3.0 : v).ToArray(); // +1.5 − 3.0: a drop of 1.5
        var result = ChangePoint.Detect(curve);
        Assert.True(result.Detected);
        Assert.Equal(60, result.Index);
        Assert.True(result.Statistic < -ChangePoint.DefaultThreshold);
        Assert.InRange(result.Shift, -1.7, -1.3);
    }

    [Fact]
    public void The_statistic_does_not_depend_on_the_units_of_the_loss()
    {
        var curve = JumpingCurve(5);
        var original = ChangePoint.Detect(curve);
        var rescaled = ChangePoint.Detect(curve.Select(v => 7 + 1000 * v).ToArray());
        Assert.Equal(original.Index, rescaled.Index);
        Assert.Equal(original.Statistic, rescaled.Statistic, 6);
        Assert.Equal(1000 * original.NoiseScale, rescaled.NoiseScale, 6);
    }

    [Fact]
    public void The_noise_scale_is_the_robust_standard_deviation_of_the_first_differences()
    {
        // 30 differences 1, 3, 1, 3, … have median 2 and MAD 1.
        var zigzag = Enumerable.Range(0, 31).Select(t => 2.0 * t + (t % 2 == 1 ? -1 : 0)).ToArray();
        Assert.Equal(1.4826, ChangePoint.Detect(zigzag).NoiseScale, 9);
    }

    [Fact]
    public void A_jump_of_one_noise_unit_is_ignored_and_one_of_eight_is_reported()
    {
        // Noise 0.05 makes the differences' standard deviation about 0.07: the unit of the statistic.
        static double[] Curve(int seed, double jump)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, 100)
                .Select(t => 3.0 - t / 60.0 + (t >= 50 ? jump : 0) + 0.05 * SeededNoise.Gaussian(random))
                .ToArray();
        }
        for (int seed = 0; seed < 10; seed++)
        {
            Assert.False(ChangePoint.Detect(Curve(seed, 0.07)).Detected, $"seed {seed}: a one-unit jump was reported");
            var large = ChangePoint.Detect(Curve(seed, 0.56));
            Assert.True(large.Detected, $"seed {seed}: an eight-unit jump was missed");
            Assert.Equal(50, large.Index);
        }
    }

    [Fact]
    public void An_exact_straight_line_has_no_change_and_an_exact_step_on_it_is_certain()
    {
        var line = Enumerable.Range(0, 40).Select(t => 5.0 - 0.1 * t).ToArray();
        var flat = ChangePoint.Detect(line);
        Assert.False(flat.Detected);
        Assert.Equal(0, flat.Statistic);

        var stepped = line.Select((v, t) => t >= 25 ? v + 1 : v).ToArray();
        var result = ChangePoint.Detect(stepped);
        Assert.True(result.Detected);
        Assert.Equal(25, result.Index);
        Assert.Equal(double.PositiveInfinity, result.Statistic);
        Assert.Equal(1.0, result.Shift, 9);
    }

    [Fact]
    public void Curves_too_short_for_the_window_and_bad_settings_are_rejected()
    {
        var curve = JumpingCurve(1);
        Assert.Throws<ArgumentException>(() => ChangePoint.Detect(curve.Take(19).ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangePoint.Detect(curve, window: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangePoint.Detect(curve, threshold: 0));
        Assert.Throws<ArgumentException>(() =>
            ChangePoint.Detect(curve.Select((v, t) => t == 40 ? double.NaN : v).ToArray()));
        Assert.False(ChangePoint.Detect(curve.Take(20).ToArray()).Detected); // exactly 2 × window is enough
    }
}
