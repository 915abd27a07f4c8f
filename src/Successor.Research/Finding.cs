// A finished trial in the lab's memory, as a researcher sees it.
namespace Successor.Research;

/// <summary>A finished trial, as the lab's memory records it: the effect of its overrides on public
/// validation accuracy, relative to the control trained with the same budget, with a paired 95% CI.</summary>
public sealed record Finding(int Generation, string ProposalId, IReadOnlyList<string> Overrides, int Steps,
    double Score, double Effect, double Low, double High)
{
    /// <summary>The earlier lab it was carried over from (research.memory_from); null for this lab's own. Its
    /// generation is that lab's, so this lab's holdout answers never concern it.</summary>
    public string? Source { get; init; }
}
