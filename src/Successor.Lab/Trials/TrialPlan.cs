using Successor.Training.Recipes;

namespace Successor.Lab.Trials;

/// <summary>A trial the lab wants run: its id, recipe, the checkpoint it warm-starts from and the kept
/// self-generated sets it mixes in.</summary>
sealed record TrialPlan(string Id, Recipe Recipe, string? WarmStartDigest, IReadOnlyList<string> SelfGenerated)
{
    /// <summary>The earlier trial whose stable state this one continues (research.continue_trials), or null.</summary>
    public Continuation? From { get; init; }
    /// <summary>Keep the state reached before the cooldown, for a later rung to continue.</summary>
    public bool KeepStable { get; init; }
}
