using Successor.Research;

namespace Successor.Lab.Stages;

/// <summary>One change in the selection: its overrides (a winner merged with others on disjoint keys), the
/// winner it starts from, and its arm's name in the trial ids (change, change2, …).</summary>
sealed record Finalist(List<string> Overrides, Proposal From, string Arm);
