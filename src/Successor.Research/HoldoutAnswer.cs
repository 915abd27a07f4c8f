// What the reusable holdout let out about one earlier candidate, as a researcher sees it.
namespace Successor.Research;

/// <summary>What the researcher may know of generation N's candidate on the sealed holdout, as Thresholdout (Dwork
/// et al. 2015) answered: its public score while public and holdout agree within a noisy threshold, a noisy
/// holdout score when they do not, and nothing (Value null, Refused) once the answers' budget is spent.</summary>
public sealed record HoldoutAnswer(int Generation, double? Value, bool FromHoldout, bool Refused);
