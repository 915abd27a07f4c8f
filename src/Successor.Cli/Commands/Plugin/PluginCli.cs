// `successor plugin`: researchers' plug-ins. The lab compiles them through `plugin compile` in a sandboxed
// worker; Roslyn never runs in the lab's or the judge's process.
using Successor.Lab.Plugins;

namespace Successor.Cli.Commands.Plugin;

public static class PluginCli
{
    public static Command Create() => new(PluginWorkerCommand.Noun,
        "Plug-ins: C# for the trainer's extension points, compiled in a sandboxed worker")
    {
        PluginCompileCommand.Create(),
    };
}
