// What a learning-rate schedule plug-in is told about one optimizer step: where it is in the run, the recipe's
// peak, floor and warmup, and what the built-in schedule would use.
namespace Successor.Plugins;

public readonly record struct ScheduleStep(int Step, int Steps, int WarmupSteps, double PeakLearningRate,
    double MinLearningRate, double BuiltIn);
