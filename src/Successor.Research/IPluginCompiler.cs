// Where a proposed plug-in is compiled and checked. The lab's implementation does it inside the sandboxed worker,
// never in the lab process; researchers only see the outcome, and send failures back for repair.
namespace Successor.Research;

public interface IPluginCompiler
{
    CompileOutcome Compile(PluginProposal plugin);
}
