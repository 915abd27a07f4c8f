// A learning-rate schedule plug-in: after the warmup, the recipe's own schedule times a line falling to zero at the
// run's last step. A run that ends at its peak rate (a constant schedule, or wsd with its floor at the peak) stops
// at weights still bouncing around the minimum; decaying the rate to zero lets them settle, and a linear decay to
// zero over the whole run is what Bergsma et al. 2025 ("Straight to zero") found best. The warmup is unchanged.
using System;
using Successor.Plugins;

public sealed class DecayToZero : ILearningRateSchedule
{
    public double LearningRate(ScheduleStep step)
    {
        if (step.Step < step.WarmupSteps) return step.BuiltIn;
        double done = (double)(step.Step - step.WarmupSteps + 1) / Math.Max(1, step.Steps - step.WarmupSteps);
        return step.BuiltIn * Math.Max(0, 1 - done);
    }
}
