// What the trainer reports after each validation pass.
namespace Successor.Training;

public sealed record EvalEvent(int Step, float ValidationLoss) : TrainingEvent(Step);
