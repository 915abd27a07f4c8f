// The plug-ins one training run uses, one per extension point at most; every one null is the trainer's
// built-in behaviour, bit for bit.
using Successor.Plugins;

namespace Successor.Training.Plugins;

public sealed record TrainingPlugins
{
    public ILearningRateSchedule? Schedule { get; init; }
    public IActivation? Activation { get; init; }
    public IDataFilter? DataFilter { get; init; }
    public IAuxiliaryLoss? AuxiliaryLoss { get; init; }

    public static TrainingPlugins None { get; } = new();

    public bool IsEmpty => Schedule is null && Activation is null && DataFilter is null && AuxiliaryLoss is null;
}
