// Linear warmup from 0 to the peak, then cosine or linear decay to the floor (nanoGPT's get_lr), or the
// peak held until a final cooldown to the floor, linear or 1 − sqrt (wsd).
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
        if (r.Schedule == Schedule.Wsd)
        {
            int cooldown = CooldownOf(r), start = r.Steps - cooldown;
            if (step < start) return r.LearningRate;
            double done = (double)(step - start + 1) / cooldown, drop = r.LearningRate - r.MinLearningRate;
            return r.CooldownShape == CooldownShape.Sqrt
                ? r.MinLearningRate + (1 - Math.Sqrt(done)) * drop
                : r.LearningRate - done * drop; // as written before cooldown_shape, so linear runs keep their bits
        }
        if (step >= decayEnd) return r.MinLearningRate;
        double progress = (double)(step - r.WarmupSteps) / Math.Max(1, decayEnd - r.WarmupSteps);
        double coefficient = r.Schedule == Schedule.Cosine ? 0.5 * (1 + Math.Cos(Math.PI * progress)) : 1 - progress;
        return r.MinLearningRate + coefficient * (r.LearningRate - r.MinLearningRate);
    }

    /// <summary>The steps of a wsd recipe's final cooldown: cooldown_steps, or cooldown_fraction of the steps, or
    /// the last 20% when both are 0.</summary>
    public static int CooldownOf(Recipe r) => Math.Max(1, r.CooldownSteps > 0 ? r.CooldownSteps
        : r.CooldownFraction > 0 ? (int)Math.Round(r.Steps * r.CooldownFraction) : r.Steps / 5);

    /// <summary>Steps before a wsd recipe's cooldown starts: a state saved there is shared by every longer
    /// run.</summary>
    public static int StableSteps(Recipe r) => r.Steps - CooldownOf(r);
}
