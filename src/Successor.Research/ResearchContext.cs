// Everything a researcher may read: the champion's recipe, its weaknesses on public validation, and the
// lab's memory of findings. Nothing here comes from the sealed holdout.
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

public sealed record ResearchContext(int Generation, Recipe Champion, IReadOnlyList<PublicWeakness> Weaknesses, IReadOnlyList<Finding> Memory, ulong Seed)
{
    /// <summary>The weakness proposals name: the worst public slice, or none.</summary>
    public string Target => Weaknesses.Count > 0 ? Weaknesses[0].ToString() : "no public weakness found";
}
