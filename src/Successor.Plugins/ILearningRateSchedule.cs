// Extension point: the learning rate of each optimizer step. The trainer asks once per step and uses the
// answer instead of its built-in schedule; a rate that is not finite or is negative stops the run.
namespace Successor.Plugins;

public interface ILearningRateSchedule
{
    /// <summary>The learning rate of `step`; step.BuiltIn is what the recipe's own schedule gives there.</summary>
    double LearningRate(ScheduleStep step);
}
