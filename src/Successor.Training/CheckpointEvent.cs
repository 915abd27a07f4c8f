// What the trainer reports after saving a checkpoint.
namespace Successor.Training;

public sealed record CheckpointEvent(int Step, string Directory) : TrainingEvent(Step);
