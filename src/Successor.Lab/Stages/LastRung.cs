using Successor.Research;

namespace Successor.Lab.Stages;

/// <summary>What the experiments end with: successive halving's last rung's changes ranked by effect, how many
/// of them survive it (the best 1/eta), that rung's steps and number, and its trials.</summary>
sealed record LastRung(List<(Proposal Proposal, Finding Finding)> Ranked, int Surviving, int Steps, int Rung,
    Dictionary<string, TrialResult> Results);
