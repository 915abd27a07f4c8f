// A learning-rate schedule plug-in for runs that start from a trained model: the recipe's own schedule, capped
// at twice its floor. A warm-started trial or successor that climbs back to the full peak first undoes the
// champion's last, low-rate steps; this one goes on from where the champion's training ended.
using System;
using Successor.Plugins;

public sealed class GentleRestart : ILearningRateSchedule
{
    public double LearningRate(ScheduleStep step) => Math.Min(step.BuiltIn, 2 * step.MinLearningRate);
}
