// A learning-rate schedule plug-in for short, warm-started runs: the recipe's cosine decay, but a warmup of at
// most a tenth of the run. A trial of 150 steps from a recipe written for 1,500 otherwise spends a third of
// itself warming up a model that is already trained.
using System;
using Successor.Plugins;

public sealed class ShortWarmup : ILearningRateSchedule
{
    public double LearningRate(ScheduleStep step)
    {
        int warmup = Math.Min(step.WarmupSteps, Math.Max(1, step.Steps / 10));
        if (step.Step < warmup) return step.PeakLearningRate * (step.Step + 1) / (warmup + 1);
        double progress = (double)(step.Step - warmup) / Math.Max(1, step.Steps - warmup);
        double cosine = 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1, progress)));
        return step.MinLearningRate + cosine * (step.PeakLearningRate - step.MinLearningRate);
    }
}
