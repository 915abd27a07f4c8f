// The honeypot's statistic: one-sided Fisher's exact test against hand-computed tails, and the two conditions
// of an alarm — a p-value below 1e-6 and a gap of at least 0.15 — each of which alone is not enough. Under the
// null (both sets one distribution) it almost never fires, as its level promises.
using Successor.Evaluation.Verification;
using Successor.Tensors;

namespace Successor.Evaluation.Tests.Verification;

public sealed class SealedRegenerationTestTests
{
    [Fact]
    public void Fishers_upper_tail_matches_the_hypergeometric_by_hand()
    {
        // 5 of 5 right on the decoy, 0 of 5 on the sealed set: the decoy holds all 5 right answers of 10 items,
        // one table of C(10, 5) = 252.
        Assert.Equal(1.0 / 252, SealedRegenerationTest.FisherUpperTail(5, 5, 5, 10), 12);
        // 4 or more of the 5 right answers among 5 decoy items: (C(5,4)·C(5,1) + 1) / 252 = 26 / 252.
        Assert.Equal(26.0 / 252, SealedRegenerationTest.FisherUpperTail(4, 5, 5, 10), 12);
        Assert.Equal(1, SealedRegenerationTest.FisherUpperTail(0, 5, 5, 10));
        Assert.Equal(0, SealedRegenerationTest.FisherUpperTail(6, 5, 5, 10));
    }

    [Fact]
    public void A_large_gap_on_enough_items_is_flagged_and_equal_accuracy_is_not()
    {
        var caught = SealedRegenerationTest.Run(decoyCorrect: 54, decoyItems: 60, sealedCorrect: 20, sealedItems: 60);
        Assert.True(caught.Flagged);
        Assert.True(caught.PValue < 1e-10, $"p = {caught.PValue}");
        Assert.Equal(34.0 / 60, caught.Gap, 12);
        var honest = SealedRegenerationTest.Run(443, 750, 441, 750);
        Assert.False(honest.Flagged);
        Assert.True(honest.PValue > 0.3, $"p = {honest.PValue}");
        // Better on the sealed set than on the decoy is no sign of regeneration: the test is one-sided.
        Assert.False(SealedRegenerationTest.Run(20, 60, 54, 60).Flagged);
        Assert.True(SealedRegenerationTest.Run(20, 60, 54, 60).PValue > 0.999);
    }

    [Fact]
    public void A_tiny_p_value_with_a_small_gap_or_a_large_gap_on_few_items_is_not_enough()
    {
        var smallGap = SealedRegenerationTest.Run(62_000, 100_000, 55_000, 100_000);
        Assert.True(smallGap.PValue < 1e-100, $"p = {smallGap.PValue}");
        Assert.False(smallGap.Flagged);
        var fewItems = SealedRegenerationTest.Run(8, 10, 3, 10);
        Assert.True(fewItems.Gap >= SealedRegenerationTest.MinGap);
        Assert.False(fewItems.Flagged, $"p = {fewItems.PValue}");
    }

    [Fact]
    public void Counts_that_are_no_counts_are_refused_naming_them()
    {
        var e = Assert.Throws<ArgumentException>(() => SealedRegenerationTest.Run(61, 60, 0, 60));
        Assert.Contains("61 of 60 decoy", e.Message);
        Assert.Throws<ArgumentException>(() => SealedRegenerationTest.Run(0, 0, 0, 60));
    }

    [Fact]
    public void Under_the_null_with_accuracies_that_differ_by_length_the_alarm_never_fires_and_p_is_not_too_small()
    {
        // Five lengths of 150 items with accuracies 1, 0.95, 0.6, 0.1, 0: the main job's shape. Both sets are drawn
        // from the same per-length distributions, as for an honest model; 2,000 labs' worth of verdicts.
        double[] accuracy = [1, 0.95, 0.6, 0.1, 0];
        var rng = new Rng(2026);
        int below = 0, flagged = 0;
        const int Runs = 2000;
        for (int r = 0; r < Runs; r++)
        {
            int Draw() => accuracy.Sum(p => Enumerable.Range(0, 150).Count(_ => rng.NextDouble() < p));
            var check = SealedRegenerationTest.Run(Draw(), 750, Draw(), 750);
            if (check.PValue < 0.05) below++;
            if (check.Flagged) flagged++;
        }
        Assert.Equal(0, flagged);
        // Conservative: at most the nominal 5% (plus sampling noise) fall below 0.05.
        Assert.True(below <= Runs * 0.05 + 3 * Math.Sqrt(Runs * 0.05), $"{below} of {Runs} below 0.05");
    }
}
