// A plug-in a researcher proposes: C# source for one of the lab's extension points. The lab compiles and runs it
// only inside a sandboxed worker; here it is text.
namespace Successor.Research;

public sealed record PluginProposal(string Point, string Source);
