// What the trainer reports after each optimizer step.
namespace Successor.Training;

/// <summary>After optimizer step `Step` (1-based count of steps done).</summary>
public sealed record StepEvent(int Step, int TotalSteps, float Loss, double LearningRate, double GradNorm,
    double TokensPerSecond, TimeSpan Elapsed) : TrainingEvent(Step);
