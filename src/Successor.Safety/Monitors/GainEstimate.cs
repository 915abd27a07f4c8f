// A measured improvement with its 95% confidence interval, as the evaluators report it.
namespace Successor.Safety.Monitors;

public sealed record GainEstimate(double Gain, double Low, double High)
{
    /// <summary>A normal 95% interval is 2 × 1.96 standard errors wide.</summary>
    public const double IntervalWidthInStandardErrors = 3.92;

    public double StandardError => (High - Low) / IntervalWidthInStandardErrors;
}
