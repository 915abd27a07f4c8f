// Linear warmup from 0 to the peak, then cosine or linear decay to the floor (nanoGPT's get_lr).
using Successor.Training.Recipes;

namespace Successor.Training.Optimization;

public static class LearningRateSchedule
{
    /// <summary>The learning rate for optimizer step `step` (0-based).</summary>
    public static double At(Recipe r, int step)
    {
        if (step < r.WarmupSteps) return r.LearningRate * (step + 1) / (r.WarmupSteps + 1);
        int decayEnd = r.DecaySteps > 0 ? r.DecaySteps : r.Steps;
        if (r.Schedule == Schedule.Constant) return r.LearningRate;
        if (step >= decayEnd) return r.MinLearningRate;
        double progress = (double)(step - r.WarmupSteps) / Math.Max(1, decayEnd - r.WarmupSteps);
        double coefficient = r.Schedule == Schedule.Cosine ? 0.5 * (1 + Math.Cos(Math.PI * progress)) : 1 - progress;
        return r.MinLearningRate + coefficient * (r.LearningRate - r.MinLearningRate);
    }
}
