// What one generation's research gave: the proposals, every call it paid for, every attempt on a protected surface
// it refused, how many plug-in repairs it asked for, and why it fell back to TPE (null when it did not).
namespace Successor.Research.LanguageModels;

public sealed record ResearchRound(IReadOnlyList<Proposal> Proposals, IReadOnlyList<ResearchCall> Calls,
    IReadOnlyList<GamingAttempt> Gaming, int Repairs, string? Fallback)
{
    public long InputTokens => Calls.Sum(c => c.InputTokens);

    public long OutputTokens => Calls.Sum(c => c.OutputTokens);

    public double Cost => Calls.Sum(c => c.Cost);
}
