// A researcher's plug-in: C# source for one extension point ("learning_rate_schedule", "activation",
// "data_filter", "auxiliary_loss"). The lab never compiles or runs it itself: an IPluginCompiler does, in a
// sandboxed worker.
namespace Successor.Research;

public sealed record PluginProposal(string Point, string Source);
