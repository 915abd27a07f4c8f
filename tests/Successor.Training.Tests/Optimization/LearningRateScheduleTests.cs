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
}
