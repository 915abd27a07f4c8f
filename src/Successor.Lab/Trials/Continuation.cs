namespace Successor.Lab.Trials;

/// <summary>A stable state to continue from: the trial that saved it, the step it is at and its recorded
/// hash.</summary>
sealed record Continuation(string TrialId, int Step, string Sha256);
