// Everything a researcher may read: the champion's recipe, its weaknesses on public validation, the lab's
// memory of findings, and — only when the lab's safety.holdout_feedback is thresholdout — what the reusable
// holdout let out about earlier candidates. Nothing else here comes from the sealed holdout.
using Successor.Training.Recipes;

namespace Successor.Research;

public sealed record ResearchContext(int Generation, Recipe Champion, IReadOnlyList<PublicWeakness> Weaknesses,
    IReadOnlyList<Finding> Memory, ulong Seed)
{
    /// <summary>Earlier candidates through Thresholdout, in generation order; empty unless the lab enables
    /// it.</summary>
    public IReadOnlyList<HoldoutAnswer> Holdout { get; init; } = [];

    /// <summary>What is left of the lab's budgets; null when the lab did not say.</summary>
    public ResearchBudget? Budget { get; init; }

    /// <summary>This researcher's own proposals of earlier generations, oldest first.</summary>
    public IReadOnlyList<EarlierProposal> Earlier { get; init; } = [];

    /// <summary>The weakness proposals name: the worst public slice, or none.</summary>
    public string Target => Weaknesses.Count > 0 ? Weaknesses[0].ToString() : "no public weakness found";
}
