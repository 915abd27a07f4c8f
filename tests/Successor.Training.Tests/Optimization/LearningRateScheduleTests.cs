// Warmup then decay, as nanoGPT's get_lr.
using Successor.Training.Optimization;
using Successor.Training.Recipes;

namespace Successor.Training.Tests.Optimization;

public sealed class LearningRateScheduleTests
{
    static readonly Recipe R = new() { LearningRate = 1e-3, MinLearningRate = 1e-4, WarmupSteps = 100, Steps = 2000 };

    [Fact]
    public void Warmup_rises_linearly_to_the_peak()
    {
        Assert.Equal(1e-3 / 101, LearningRateSchedule.At(R, 0), 12);
        Assert.Equal(1e-3 * 100 / 101, LearningRateSchedule.At(R, 99), 12);
        Assert.Equal(1e-3, LearningRateSchedule.At(R, 100), 12);
    }

    [Fact]
    public void Cosine_decay_passes_the_midpoint_and_ends_at_the_floor()
    {
        Assert.Equal(5.5e-4, LearningRateSchedule.At(R, 1050), 9);
        Assert.Equal(1e-4, LearningRateSchedule.At(R, 2000), 12);
        Assert.Equal(1e-4, LearningRateSchedule.At(R, 5000), 12);
    }

    [Fact]
    public void Linear_and_constant_schedules_follow_their_shapes()
    {
        Assert.Equal(5.5e-4, LearningRateSchedule.At(R with { Schedule = Schedule.Linear }, 1050), 9);
        Assert.Equal(1e-3, LearningRateSchedule.At(R with { Schedule = Schedule.Constant }, 1900), 12);
    }

    [Fact]
    public void Wsd_holds_the_peak_then_cools_down_linearly_to_the_floor_over_its_last_steps()
    {
        var wsd = R with { Schedule = Schedule.Wsd, CooldownSteps = 400 };
        Assert.Equal(1e-3 * 100 / 101, LearningRateSchedule.At(wsd, 99), 12);
        Assert.Equal(1e-3, LearningRateSchedule.At(wsd, 1599), 12);
        Assert.Equal(1e-3 - 0.9e-3 / 400, LearningRateSchedule.At(wsd, 1600), 12);
        Assert.Equal(5.5e-4, LearningRateSchedule.At(wsd, 1799), 12);
        Assert.Equal(1e-4, LearningRateSchedule.At(wsd, 1999), 12);
        Assert.Equal(1600, LearningRateSchedule.StableSteps(wsd));
        Assert.Equal(1600, LearningRateSchedule.StableSteps(wsd with { CooldownSteps = 0 })); // the last 20%
    }

    [Fact]
    public void A_sqrt_cooldown_falls_as_one_minus_the_square_root_of_its_progress()
    {
        var wsd = R with { Schedule = Schedule.Wsd, CooldownSteps = 400, CooldownShape = CooldownShape.Sqrt };
        Assert.Equal(1e-3, LearningRateSchedule.At(wsd, 1599), 12);
        // a quarter in: half the way down
        Assert.Equal(1e-4 + 0.9e-3 * (1 - Math.Sqrt(0.25)), LearningRateSchedule.At(wsd, 1699), 12);
        Assert.Equal(1e-4, LearningRateSchedule.At(wsd, 1999), 12);
        for (int step = 1600; step < 1999; step++)
            Assert.True(LearningRateSchedule.At(wsd,
                step) < LearningRateSchedule.At(wsd with { CooldownShape = CooldownShape.Linear }, step));
    }

    [Fact]
    public void A_longer_wsd_run_has_the_same_rates_as_a_shorter_one_until_the_shorter_cools_down()
    {
        var shorter = R with { Schedule = Schedule.Wsd, Steps = 600, CooldownSteps = 100 };
        var longer = shorter with { Steps = 1500, CooldownSteps = 300 };
        for (int step = 0; step < 500; step++)
            Assert.Equal(LearningRateSchedule.At(shorter, step), LearningRateSchedule.At(longer, step));
        Assert.NotEqual(LearningRateSchedule.At(shorter, 500), LearningRateSchedule.At(longer, 500));
    }

    [Fact]
    public void Cooldown_steps_belong_to_the_wsd_schedule_alone()
    {
        Assert.Contains((R with { CooldownSteps = 10 }).Validate(), e =>
            e.StartsWith("cooldown_steps is 10, but only the wsd schedule", StringComparison.Ordinal));
        Assert.Contains((R with { CooldownShape = CooldownShape.Sqrt }).Validate(), e =>
            e.StartsWith("cooldown_shape is sqrt, but only the wsd schedule", StringComparison.Ordinal));
        Assert.Contains((R with { Schedule = Schedule.Wsd, DecaySteps = 10 }).Validate(), e =>
            e.StartsWith("decay_steps is 10, but the wsd schedule", StringComparison.Ordinal));
        Assert.Contains((R with { Schedule = Schedule.Wsd, CooldownSteps = 3000 }).Validate(), e =>
            e.StartsWith("cooldown_steps is 3000;", StringComparison.Ordinal));
        Assert.Empty((R with { Schedule = Schedule.Wsd, CooldownSteps = 400 }).Validate());
    }

    [Fact]
    public void A_cooldown_fraction_is_a_share_of_the_run_so_a_short_trial_cools_down_in_proportion()
    {
        var wsd = R with { Schedule = Schedule.Wsd, Steps = 1000, CooldownFraction = 0.5 };
        Assert.Equal(500, LearningRateSchedule.CooldownOf(wsd));
        Assert.Equal(50, LearningRateSchedule.CooldownOf(wsd with { Steps = 100 }));
        Assert.Equal(wsd.LearningRate, LearningRateSchedule.At(wsd, 499));
        Assert.True(LearningRateSchedule.At(wsd, 500) < wsd.LearningRate);
        Assert.Equal(200, LearningRateSchedule.CooldownOf(wsd with { CooldownFraction = 0 }));
        Assert.Contains((R with { CooldownFraction = 0.3 }).Validate(), e =>
            e.StartsWith("cooldown_fraction is 0.3, but only the wsd schedule", StringComparison.Ordinal));
        Assert.Contains((wsd with { CooldownSteps = 10 }).Validate(), e =>
            e.StartsWith("cooldown_steps is 10 and cooldown_fraction is 0.5;", StringComparison.Ordinal));
        Assert.Contains((wsd with { CooldownFraction = 1.5 }).Validate(), e =>
            e.StartsWith("cooldown_fraction is 1.5;", StringComparison.Ordinal));
        Assert.Empty(wsd.Validate());
    }
}
