// Compounding error: the seed arithmetic, per-generation and cumulative products, the geometric-mean
// projection and the halt decision, each against numbers worked out by hand.
using Successor.Safety.Monitors;

namespace Successor.Safety.Tests.Monitors;

public sealed class ReliabilityTests
{
    static IReadOnlyList<CheckAccuracy> Checks(params (string Name, double Accuracy)[] checks) =>
        checks.Select(c => new CheckAccuracy(c.Name, c.Accuracy)).ToList();

    [Fact]
    public void The_reference_curve_shows_how_small_errors_compound()
    {
        Assert.Equal(0.951, Reliability.Reference(0.999, 50), 3);
        Assert.Equal(0.606, Reliability.Reference(0.999, 500), 3);
        Assert.Equal(1.0, Reliability.Reference(0.5, 0));
        var curve = Reliability.ReferenceCurve(0.9, 3);
        Assert.Equal(3, curve.Count);
        Assert.Equal(0.9, curve[0], 12);
        Assert.Equal(0.729, curve[2], 12);
    }

    [Fact]
    public void
        A_generation_is_as_reliable_as_the_product_of_its_checks_and_the_lineage_as_the_product_of_its_generations()
    {
        var reliability = new Reliability([
            Checks(("verifier", 0.9), ("dedup", 0.5)),
            Checks(("verifier", 0.8)),
        ]);
        Assert.Equal(2, reliability.Generations);
        Assert.Equal(0.45, reliability.PerGeneration[0], 12);
        Assert.Equal(0.8, reliability.PerGeneration[1], 12);
        Assert.Equal(0.45, reliability.Cumulative[0], 12);
        Assert.Equal(0.36, reliability.Cumulative[1], 12);
        Assert.Equal(0.36, reliability.Current, 12);
        Assert.Equal(0.6, reliability.GeometricMeanPerGeneration, 12);
    }

    [Fact]
    public void The_projection_continues_at_the_geometric_mean_rate_and_decides_the_halt()
    {
        // 0.9 then 0.8: cumulative 0.72, mean √0.72; at generation 4 the projection is 0.72 × 0.72.
        var reliability = new Reliability([Checks(("a", 0.9)), Checks(("a", 0.8))]);
        Assert.Equal(0.5184, reliability.ProjectedReliability(4), 12);
        Assert.True(reliability.ShouldHalt(4, threshold: 0.6));
        Assert.False(reliability.ShouldHalt(4, threshold: 0.5));
        Assert.False(reliability.ShouldHalt(2, threshold: 0.72));
    }

    [Fact]
    public void Fifty_generations_at_the_seed_rate_project_onto_the_reference_curve()
    {
        var generations = Enumerable.Range(0, 50).Select(_ => Checks(("checker", 0.999))).ToList();
        var reliability = new Reliability(generations);
        Assert.Equal(0.951, reliability.Current, 3);
        Assert.Equal(Reliability.Reference(0.999, 500), reliability.ProjectedReliability(500), 9);
        Assert.True(reliability.ShouldHalt(500, threshold: 0.9));
        Assert.False(reliability.ShouldHalt(100, threshold: 0.9));
    }

    [Fact]
    public void A_horizon_already_reached_is_the_observed_value_and_no_generations_mean_no_evidence_of_error()
    {
        var reliability = new Reliability([Checks(("a", 0.9)), Checks(("a", 0.5)), Checks(("a", 0.9))]);
        Assert.Equal(0.9, reliability.ProjectedReliability(1), 12);
        Assert.Equal(0.45, reliability.ProjectedReliability(2), 12);
        Assert.Equal(1, reliability.ProjectedReliability(0));

        var empty = new Reliability([]);
        Assert.Equal(1, empty.Current);
        Assert.Equal(1, empty.ProjectedReliability(100));
        Assert.False(empty.ShouldHalt(100, 0.99));
    }

    [Fact]
    public void A_check_that_is_always_wrong_drives_the_projection_to_zero()
    {
        var reliability = new Reliability([Checks(("a", 0.99)), Checks(("a", 0.0))]);
        Assert.Equal(0, reliability.Current);
        Assert.Equal(0, reliability.ProjectedReliability(10));
        Assert.True(reliability.ShouldHalt(10, 0.01));
    }

    [Fact]
    public void Invalid_generations_and_settings_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Reliability([Checks()]));
        Assert.Throws<ArgumentException>(() => new Reliability([Checks(("a", 1.2))]));
        Assert.Throws<ArgumentException>(() => new Reliability([Checks(("a", double.NaN))]));
        Assert.Throws<ArgumentException>(() => new Reliability([Checks(("a", 0.9), ("a", 0.9))]));
        Assert.Throws<ArgumentException>(() => new Reliability([Checks((" ", 0.9))]));
        var reliability = new Reliability([Checks(("a", 0.9))]);
        Assert.Throws<ArgumentOutOfRangeException>(() => reliability.ProjectedReliability(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => reliability.ShouldHalt(5, 1.5));
        Assert.Throws<ArgumentException>(() => Reliability.Reference(1.1, 5));
    }
}
