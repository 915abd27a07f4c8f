// What Thresholdout says about one query: the value to use, whether the holdout spoke (and spent
// budget), and whether it refused because the budget is gone.
namespace Successor.Safety.Monitors;

/// <param name="Value">The public value, the noisy holdout value, or NaN when refused.</param>
/// <param name="FromHoldout">True when public and holdout disagreed and the noisy holdout value was returned.</param>
/// <param name="Refused">True when the budget was already spent; the holdout was not consulted.</param>
/// <param name="Remaining">Over-threshold answers left after this one.</param>
public sealed record ThresholdoutAnswer(double Value, bool FromHoldout, bool Refused, int Remaining);
