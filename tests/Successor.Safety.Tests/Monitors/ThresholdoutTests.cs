// Thresholdout must hide the holdout while it agrees with the public value, reveal it only with noise
// and at a cost, stop revealing it when the budget is gone, and do all of it reproducibly.
using Successor.Safety.Monitors;

namespace Successor.Safety.Tests.Monitors;

public sealed class ThresholdoutTests
{
    [Fact]
    public void Agreeing_values_come_back_as_the_public_value_and_spend_nothing()
    {
        var holdout = new Thresholdout(sigma: 0.001, seed: 1);
        for (int i = 0; i < 200; i++)
        {
            double publicValue = 0.5 + i * 0.001;
            var answer = holdout.Query(publicValue, publicValue + (i % 2 == 0 ? 0.004 : -0.004));
            Assert.Equal(publicValue, answer.Value);
            Assert.False(answer.FromHoldout);
            Assert.False(answer.Refused);
        }
        Assert.Equal(Thresholdout.DefaultBudget, holdout.Remaining);
        Assert.Equal(200, holdout.Queries);
        Assert.False(holdout.Exhausted);
    }

    [Fact]
    public void With_the_default_noise_most_agreeing_queries_still_return_the_exact_public_value()
    {
        var holdout = new Thresholdout(budget: 1000, seed: 7);
        int fromPublic = 0;
        for (int i = 0; i < 100; i++)
        {
            var answer = holdout.Query(0.8, 0.8);
            if (answer.FromHoldout) continue;
            Assert.Equal(0.8, answer.Value);
            fromPublic++;
        }
        Assert.InRange(fromPublic, 60, 100);
        Assert.Equal(1000 - (100 - fromPublic), holdout.Remaining);
    }

    [Fact]
    public void A_large_gap_returns_a_noisy_value_near_the_holdout_and_spends_one_unit_of_budget()
    {
        var holdout = new Thresholdout(seed: 3);
        var answer = holdout.Query(publicValue: 0.95, holdoutValue: 0.60);
        Assert.True(answer.FromHoldout);
        Assert.False(answer.Refused);
        Assert.InRange(answer.Value, 0.50, 0.70);
        Assert.NotEqual(0.60, answer.Value);
        Assert.Equal(Thresholdout.DefaultBudget - 1, answer.Remaining);
        Assert.Equal(Thresholdout.DefaultBudget - 1, holdout.Remaining);
    }

    [Fact]
    public void An_adversary_querying_gapped_values_exhausts_the_budget_and_is_then_refused()
    {
        var holdout = new Thresholdout(budget: 5, seed: 11);
        var answers = Enumerable.Range(0, 20).Select(i => holdout.Query(0.9, 0.5 + i * 0.001)).ToList();
        Assert.All(answers.Take(5), a => Assert.True(a.FromHoldout));
        Assert.Equal([4, 3, 2, 1, 0], answers.Take(5).Select(a => a.Remaining));
        Assert.All(answers.Skip(5), a =>
        {
            Assert.True(a.Refused);
            Assert.False(a.FromHoldout);
            Assert.True(double.IsNaN(a.Value));
        });
        Assert.True(holdout.Exhausted);
        Assert.Equal(0, holdout.Remaining);
        Assert.Equal(20, holdout.Queries);
        // Even an agreeing query no longer consults the holdout.
        Assert.True(holdout.Query(0.5, 0.5).Refused);
    }

    [Fact]
    public void The_same_seed_gives_the_same_answers_and_another_seed_does_not()
    {
        static List<double> Run(ulong seed)
        {
            var holdout = new Thresholdout(budget: 100, seed: seed);
            return Enumerable.Range(0, 60).Select(i => holdout.Query(0.5 + 0.01 * (i % 7), 0.5 + 0.02 * (i % 5)).Value)
                .ToList();
        }
        Assert.Equal(Run(42), Run(42));
        Assert.NotEqual(Run(42), Run(43));
    }

    [Fact]
    public void The_noise_on_revealed_holdout_values_has_the_laplace_scale_sigma()
    {
        // For Lap(b), E|ξ| = b. 4000 draws put the sample mean within a few percent of σ.
        const double sigma = 0.01;
        var holdout = new Thresholdout(sigma: sigma, budget: 4000, seed: 5);
        double total = 0;
        for (int i = 0; i < 4000; i++)
        {
            var answer = holdout.Query(0.0, 1.0);
            Assert.True(answer.FromHoldout);
            total += Math.Abs(answer.Value - 1.0);
        }
        Assert.InRange(total / 4000, 0.95 * sigma, 1.05 * sigma);
    }

    [Fact]
    public void Invalid_settings_and_values_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Thresholdout(threshold: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Thresholdout(sigma: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Thresholdout(budget: -1));
        var holdout = new Thresholdout();
        Assert.Throws<ArgumentOutOfRangeException>(() => holdout.Query(double.NaN, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => holdout.Query(0.5, double.PositiveInfinity));
    }
}
