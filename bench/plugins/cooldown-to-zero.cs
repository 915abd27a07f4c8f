// A learning-rate schedule plug-in: the recipe's own schedule, cooled down to zero over the last fifth of the run.
// A run that ends at its peak rate (a constant schedule, or wsd with its floor at the peak) stops at weights still
// bouncing around the minimum; the final decay lets them settle, the known gain of a cooldown at the end of
// training (Hägele et al. 2024). Before the last fifth nothing changes.
using System;
using Successor.Plugins;

public sealed class CooldownToZero : ILearningRateSchedule
{
    public double LearningRate(ScheduleStep step)
    {
        int cooldown = Math.Max(1, step.Steps / 5), start = step.Steps - cooldown;
        if (step.Step < start) return step.BuiltIn;
        double done = (double)(step.Step - start + 1) / cooldown;
        return step.BuiltIn * Math.Max(0, 1 - done);
    }
}
