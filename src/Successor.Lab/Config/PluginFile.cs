// A plug-in a person wrote, named in lab.json: its extension point ("learning_rate_schedule", "activation",
// "data_filter", "auxiliary_loss") and the C# file that holds it.
namespace Successor.Lab.Config;

public sealed record PluginFile(string Point, string Source);
