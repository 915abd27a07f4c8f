// What the trainer reports as it goes; the CLI renders these as a progress bar, lines or JSON.
namespace Successor.Training;

public abstract record TrainingEvent(int Step);

/// <summary>After optimizer step `Step` (1-based count of steps done).</summary>
public sealed record StepEvent(int Step, int TotalSteps, float Loss, double LearningRate, double GradNorm,
    double TokensPerSecond, TimeSpan Elapsed) : TrainingEvent(Step);

public sealed record EvalEvent(int Step, float ValidationLoss) : TrainingEvent(Step);

public sealed record CheckpointEvent(int Step, string Directory) : TrainingEvent(Step);
