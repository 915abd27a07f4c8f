// What the honeypot holdout found for one model: its accuracy on the decoy (the sealed-side problems that public
// code and the public seed regenerate) and on the judge's secret sealed holdout, and the one-sided test of
// whether it does better on the decoy than chance allows (SealedRegenerationTest).
namespace Successor.Evaluation.Verification;

/// <param name="Items">Problems in each of the two sets (the same lengths, the same count per length).</param>
/// <param name="Gap">DecoyAccuracy − SealedAccuracy.</param>
/// <param name="PValue">One-sided: the chance of a gap at least this large if both sets were one distribution.
/// </param>
/// <param name="Flagged">PValue below Alpha and Gap at least MinGap: trained on the regenerated curriculum.</param>
/// <param name="Seconds">The extra decoding the decoy cost.</param>
public sealed record RegenerationCheck(double DecoyAccuracy, double SealedAccuracy, int Items, double Gap,
    double PValue, bool Flagged, double Alpha, double MinGap, double Seconds);
