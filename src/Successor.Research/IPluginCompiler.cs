// Turns a researcher's plug-in into a hash a recipe can carry, or into diagnostics a repair can read.
namespace Successor.Research;

public interface IPluginCompiler
{
    CompileOutcome Compile(PluginProposal proposal);
}
