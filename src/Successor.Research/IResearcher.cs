// A research strategy. Random search and TPE implement it; a language-model researcher would too. It
// proposes; the lab runs, measures and decides — a researcher never sees a trial's weights or the holdout.
namespace Successor.Research;

public interface IResearcher
{
    string Name { get; }

    /// <summary>`count` distinct recipe changes; the same context and seed give the same proposals.</summary>
    IReadOnlyList<Proposal> Propose(ResearchContext context, int count);
}
