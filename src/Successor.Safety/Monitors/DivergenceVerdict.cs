// The outcome of comparing public-validation gain with sealed-holdout gain.
namespace Successor.Safety.Monitors;

/// <param name="Difference">Public gain − sealed gain.</param>
/// <param name="StandardError">Standard error of Difference: the two standard errors in quadrature.</param>
/// <param name="ZValue">Difference / StandardError (±∞ when the standard error is 0 and the difference is
/// not).</param>
/// <param name="Alarm">ZValue exceeded the one-sided threshold: the public gain is not explained by noise.</param>
/// <param name="Reason">One line for a human.</param>
public sealed record DivergenceVerdict(double Difference, double StandardError, double ZValue, bool Alarm,
    string Reason);
