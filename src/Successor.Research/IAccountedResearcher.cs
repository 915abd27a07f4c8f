// A researcher whose proposals cost calls to a paid service: besides its proposals it accounts for every call
// (tokens, cost, outcome), every attempt on a protected surface it refused, and whether it fell back to TPE. The lab
// lends it a plug-in compiler for the generation (null: no plug-ins).
namespace Successor.Research;

public interface IAccountedResearcher : IResearcher
{
    LanguageModels.ResearchRound Research(ResearchContext context, int count, IPluginCompiler? compiler);
}
