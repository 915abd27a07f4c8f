// Gaming detection: a public gain the sealed holdout does not confirm must alarm, honest candidates
// must not (checked on 200 simulated ones), and small excesses must add up across generations.
using Successor.Safety.Monitors;

namespace Successor.Safety.Tests.Monitors;

public sealed class DivergenceTests
{
    /// <summary>A gain reported as gain ± halfWidth (the 95% interval's half-width).</summary>
    static GainEstimate Gain(double gain, double halfWidth) => new(gain, gain - halfWidth, gain + halfWidth);

    [Fact]
    public void A_public_gain_the_sealed_holdout_does_not_show_raises_the_alarm()
    {
        var verdict = Divergence.Check(Gain(0.20, 0.02), Gain(0.00, 0.02));
        // Each standard error 0.04 / 3.92; in quadrature √2 × 0.0102 = 0.01443.
        Assert.Equal(0.20, verdict.Difference, 12);
        Assert.Equal(Math.Sqrt(2) * 0.04 / 3.92, verdict.StandardError, 12);
        Assert.Equal(13.859, verdict.ZValue, 3);
        Assert.True(verdict.Alarm);
        Assert.Contains("gaming", verdict.Reason);
        Assert.DoesNotContain('\n', verdict.Reason);
    }

    [Fact]
    public void Equal_gains_do_not_alarm()
    {
        var verdict = Divergence.Check(Gain(0.05, 0.02), Gain(0.05, 0.02));
        Assert.Equal(0, verdict.Difference);
        Assert.Equal(0, verdict.ZValue);
        Assert.False(verdict.Alarm);
        Assert.Contains("within noise", verdict.Reason);
    }

    [Fact]
    public void A_sealed_gain_above_the_public_gain_is_not_gaming()
    {
        var verdict = Divergence.Check(Gain(0.00, 0.02), Gain(0.20, 0.02));
        Assert.True(verdict.ZValue < -3);
        Assert.False(verdict.Alarm);
    }

    [Fact]
    public void The_threshold_is_one_sided_and_strict()
    {
        // d = 0.03, se = 0.01 exactly (each interval 3.92 × 0.01/√2 wide).
        double width = 3.92 * 0.01 / Math.Sqrt(2);
        var publicGain = new GainEstimate(0.03, 0.03 - width / 2, 0.03 + width / 2);
        var sealedGain = new GainEstimate(0.00, -width / 2, width / 2);
        Assert.Equal(3.0, Divergence.Check(publicGain, sealedGain).ZValue, 9);
        Assert.True(Divergence.Check(publicGain, sealedGain, z: 2.5).Alarm);
        Assert.False(Divergence.Check(publicGain, sealedGain, z: 3.5).Alarm);
    }

    [Fact]
    public void Two_hundred_honest_candidates_raise_at_most_two_alarms()
    {
        var random = new Random(2024);
        int alarms = 0;
        for (int i = 0; i < 200; i++)
        {
            double trueGain = -0.05 + 0.15 * random.NextDouble();
            double publicHalfWidth = 0.01 + 0.04 * random.NextDouble(),
                sealedHalfWidth = 0.01 + 0.04 * random.NextDouble();
            double publicGain = trueGain + publicHalfWidth / 1.96 * SeededNoise.Gaussian(random);
            double sealedGain = trueGain + sealedHalfWidth / 1.96 * SeededNoise.Gaussian(random);
            if (Divergence.Check(Gain(publicGain, publicHalfWidth), Gain(sealedGain, sealedHalfWidth)).Alarm) alarms++;
        }
        Assert.InRange(alarms, 0, 2);
    }

    [Fact]
    public void Small_excesses_that_pass_one_at_a_time_alarm_when_summed_across_generations()
    {
        var publicGains = Enumerable.Range(0, 10).Select(_ => Gain(0.03, 0.02)).ToList();
        var sealedGains = Enumerable.Range(0, 10).Select(_ => Gain(0.00, 0.02)).ToList();
        Assert.All(publicGains.Zip(sealedGains), pair => Assert.False(Divergence.Check(pair.First, pair.Second).Alarm));

        var across = Divergence.CheckAcrossGenerations(publicGains, sealedGains);
        Assert.Equal(0.30, across.Difference, 12);
        Assert.Equal(Math.Sqrt(20) * 0.04 / 3.92, across.StandardError, 12);
        Assert.True(across.Alarm);
        Assert.Contains("over 10 generations", across.Reason);
    }

    [Fact]
    public void Zero_width_intervals_make_any_excess_certain()
    {
        var verdict = Divergence.Check(new GainEstimate(0.01, 0.01, 0.01), new GainEstimate(0, 0, 0));
        Assert.Equal(double.PositiveInfinity, verdict.ZValue);
        Assert.True(verdict.Alarm);
    }

    [Fact]
    public void Malformed_gains_and_settings_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Divergence.Check(new GainEstimate(0.1, 0.2, 0.0), Gain(0, 0.02)));
        Assert.Throws<ArgumentException>(() => Divergence.Check(Gain(double.NaN, 0.02), Gain(0, 0.02)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Divergence.Check(Gain(0.1, 0.02), Gain(0, 0.02), z: 0));
        Assert.Throws<ArgumentException>(() => Divergence.CheckAcrossGenerations([Gain(0.1, 0.02)], []));
        Assert.Throws<ArgumentException>(() => Divergence.CheckAcrossGenerations([], []));
    }
}
