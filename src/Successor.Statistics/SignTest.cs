// The exact sign test (McNemar's test for two models answering the same items, in its exact form): of the items
// on which the two disagree, `losses` went against B and `wins` for it; under "B is no worse than A" each
// disagreement is a fair coin, so the one-sided p-value is the chance of `losses` or more heads in
// losses + wins tosses.
namespace Successor.Statistics;

public static class SignTest
{
    /// <summary>P(X ≥ losses) for X ~ Binomial(losses + wins, 1/2); 1 when the two never disagree.</summary>
    public static double OneSided(int losses, int wins)
    {
        if (losses < 0 || wins < 0)
            throw new ArgumentOutOfRangeException(nameof(losses), $"{losses} losses and {wins} wins; need both ≥ 0");
        if (losses == 0) return 1;
        return 1 - MathNet.Numerics.Distributions.Binomial.CDF(0.5, losses + wins, losses - 1);
    }
}
