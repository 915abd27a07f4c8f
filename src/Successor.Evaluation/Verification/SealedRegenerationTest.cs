// The honeypot holdout's statistic. Before the judge held a secret, the sealed curriculum was the set public code
// and the public seed regenerate; it still is a set anyone can regenerate and train on, and it is drawn from the
// same generator, lengths and partition side as the judge's secret holdout. So an honest model scores the same on
// both in expectation, and one trained on the regenerated set scores better on it: the attack leaves a trace.
//
// The test is one-sided Fisher's exact test on the 2×2 table pooled over lengths (correct and wrong, decoy and
// sealed). Both sets have the same count per length, so under "no regeneration" the decoy's and the sealed
// set's correct counts are identically distributed sums of per-length binomials; their variance is at most the
// pooled binomial one, so pooling over lengths with unequal accuracies makes the test conservative, never
// liberal. A model is flagged only when both hold, fixed before any model was tested:
// - p < 1e-6: the judge runs a verdict per generation of every lab on every run, and a critical incident stops
//   a lab for a person; at 1e-6 even ten thousand verdicts raise a false alarm with a chance below one in a
//   hundred (less still, the test being conservative);
// - gap ≥ 0.15: a difference a larger holdout makes significant but that is too small to be a trained-on copy
//   (memorising the decoy moves it by the share of lengths the model cannot solve by rule, most of the set).
namespace Successor.Evaluation.Verification;

public static class SealedRegenerationTest
{
    public const double Alpha = 1e-6;
    public const double MinGap = 0.15;

    /// <summary>The check of `decoyCorrect` of `decoyItems` against `sealedCorrect` of `sealedItems`.</summary>
    public static RegenerationCheck Run(int decoyCorrect, int decoyItems, int sealedCorrect, int sealedItems,
        double seconds = 0)
    {
        if (decoyItems < 1 || sealedItems < 1 || decoyCorrect < 0 || sealedCorrect < 0 || decoyCorrect > decoyItems
            || sealedCorrect > sealedItems)
            throw new ArgumentException($"regeneration test: {decoyCorrect} of {decoyItems} decoy and " +
                $"{sealedCorrect} of {sealedItems} sealed items correct is not a pair of counts");
        double decoy = (double)decoyCorrect / decoyItems, held = (double)sealedCorrect / sealedItems;
        double p = FisherUpperTail(decoyCorrect, decoyItems, sealedCorrect + decoyCorrect, decoyItems + sealedItems);
        double gap = decoy - held;
        return new RegenerationCheck(decoy, held, decoyItems, gap, p, p < Alpha && gap >= MinGap, Alpha, MinGap,
            seconds);
    }

    /// <summary>P(X ≥ x) for X hypergeometric: `draws` items from a population of `population` of which `successes`
    /// are correct — the decoy's share of all correct answers, given their total.</summary>
    public static double FisherUpperTail(int x, int draws, int successes, int population)
    {
        var logFactorial = new double[population + 1];
        for (int i = 2; i <= population; i++) logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        double LogChoose(int n, int k) => logFactorial[n] - logFactorial[k] - logFactorial[n - k];
        int low = Math.Max(0, successes - (population - draws)), high = Math.Min(draws, successes);
        if (x <= low) return 1;
        if (x > high) return 0;
        double total = LogChoose(population, successes);
        var terms = new List<double>();
        for (int i = x; i <= high; i++)
            terms.Add(LogChoose(draws, i) + LogChoose(population - draws, successes - i) - total);
        double top = terms.Max();
        return Math.Min(1, Math.Exp(top) * terms.Sum(t => Math.Exp(t - top)));
    }
}
