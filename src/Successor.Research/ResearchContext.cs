// Everything a researcher may read: the champion's recipe, its weaknesses on public validation, and the
// lab's memory of findings. Nothing here comes from the sealed holdout.
using Successor.Training.Recipes;

namespace Successor.Research;

/// <summary>One family × difficulty slice of the champion on public validation.</summary>
public sealed record PublicSlice(string Family, int Difficulty, double Accuracy)
{
    public override string ToString() => $"{Family} d={Difficulty} (public accuracy {Accuracy:0.00})";
}

/// <summary>A finished trial, as the lab's memory records it: the effect of its overrides on public
/// validation accuracy, relative to the control trained with the same budget, with a paired 95% CI.</summary>
public sealed record Finding(int Generation, string ProposalId, IReadOnlyList<string> Overrides, int Steps, double Score, double Effect, double Low, double High);

public sealed record ResearchContext(int Generation, Recipe Champion, IReadOnlyList<PublicSlice> Weaknesses, IReadOnlyList<Finding> Memory, ulong Seed)
{
    /// <summary>The weakness proposals name: the worst public slice, or none.</summary>
    public string Target => Weaknesses.Count > 0 ? Weaknesses[0].ToString() : "no public slice below 100%";
}
