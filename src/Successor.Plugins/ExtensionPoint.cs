// The places in training a plug-in can take (in JSON, snake_case: "learning_rate_schedule", ...).
namespace Successor.Plugins;

public enum ExtensionPoint { LearningRateSchedule, Activation, DataFilter, AuxiliaryLoss }
