// What compiling one plug-in gave: whether it may run, every line of its compile log (the compiler's
// errors and warnings, the screen's refusals, a missing or doubled implementation), the SHA-256 of its source,
// and the assembly and the class to load when it may.
using Successor.Plugins;

namespace Successor.PluginHost;

public sealed record PluginBuild(ExtensionPoint Point, string Hash, IReadOnlyList<string> Diagnostics,
    IReadOnlyList<string> Refusals, byte[]? Assembly, string? TypeName)
{
    public bool Ok => Assembly is not null;
}
