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
        int n = losses + wins;
        if (losses == 0) return 1;
        // Σ_{k ≥ losses} C(n, k) / 2^n, summed in log space so that n in the thousands does not overflow
        double p = 0;
        for (int k = losses; k <= n; k++)
            p += Math.Exp(MathNet.Numerics.SpecialFunctions.BinomialLn(n, k) - n * Math.Log(2));
        return Math.Min(1, p);
    }
}
