// Everything a researcher may read: the champion's recipe, its weaknesses on public validation, the lab's
// memory of findings, and — only when the lab's safety.holdout_feedback is thresholdout — what the reusable
// holdout let out about earlier candidates. Nothing else here comes from the sealed holdout.
using Successor.Training.Recipes;

namespace Successor.Research;

/// <summary>A weak spot of the champion on public validation: a curriculum slice ("radd d=4") with its
/// accuracy, or a validation document with its loss.</summary>
public sealed record PublicWeakness(string Slice, double Score, string Metric)
{
    public override string ToString() => $"{Slice} (public {Metric} {Score:0.00})";
}

/// <summary>A finished trial, as the lab's memory records it: the effect of its overrides on public
/// validation accuracy, relative to the control trained with the same budget, with a paired 95% CI.</summary>
public sealed record Finding(int Generation, string ProposalId, IReadOnlyList<string> Overrides, int Steps, double Score, double Effect, double Low, double High);

/// <summary>What the researcher may know of generation N's candidate on the sealed holdout, as Thresholdout (Dwork
/// et al. 2015) answered: its public score while public and holdout agree within a noisy threshold, a noisy
/// holdout score when they do not, and nothing (Value null, Refused) once the answers' budget is spent.</summary>
public sealed record HoldoutAnswer(int Generation, double? Value, bool FromHoldout, bool Refused);

public sealed record ResearchContext(int Generation, Recipe Champion, IReadOnlyList<PublicWeakness> Weaknesses, IReadOnlyList<Finding> Memory, ulong Seed)
{
    /// <summary>Earlier candidates through Thresholdout, in generation order; empty unless the lab enables it.</summary>
    public IReadOnlyList<HoldoutAnswer> Holdout { get; init; } = [];

    /// <summary>The weakness proposals name: the worst public slice, or none.</summary>
    public string Target => Weaknesses.Count > 0 ? Weaknesses[0].ToString() : "no public weakness found";
}
