// Robust z-scores against hand-computed values, the MAD = 0 rule, and the property that makes them
// worth having: one wild value cannot hide itself by inflating the scale.
using Successor.Safety.Monitors;

namespace Successor.Safety.Tests.Monitors;

public sealed class RobustZTests
{
    [Fact]
    public void Scores_match_the_modified_z_computed_by_hand()
    {
        // median 3; |x − 3| = 2, 1, 0, 1, 97 so MAD = 1.
        var scores = RobustZ.Scores([1, 2, 3, 4, 100]);
        AssertClose([-1.349, -0.6745, 0, 0.6745, 65.4265], scores);
    }

    [Fact]
    public void An_even_count_uses_the_mean_of_the_two_middle_values()
    {
        // median 2.5; |x − 2.5| = 1.5, 0.5, 0.5, 1.5 so MAD = 1.
        var scores = RobustZ.Scores([4, 1, 3, 2]);
        AssertClose([1.01175, -1.01175, 0.33725, -0.33725], scores);
    }

    [Fact]
    public void Scores_are_distances_in_units_of_mad_scaled_by_1_4826()
    {
        double[] values = [3.1, 2.7, 3.3, 2.9, 3.0, 4.4, 3.2];
        // median 3.1; deviations 0, .4, .2, .2, .1, 1.3, .1 so MAD = 0.2.
        Assert.Equal((4.4 - 3.1) / (1.4826 * 0.2), RobustZ.Scores(values)[5], 3);
    }

    [Fact]
    public void One_wild_value_is_an_outlier_even_where_the_classical_z_score_misses_it()
    {
        double[] values = [10, 11, 9, 10, 12, 10, 11, 9, 10, 10, 1000];
        double mean = values.Average(), sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        Assert.True((1000 - mean) / sd < 3.5); // the wild value inflates the standard deviation
        Assert.Equal([10], RobustZ.Outliers(values));
    }

    [Fact]
    public void Outliers_are_flagged_on_both_sides_and_a_lower_threshold_flags_more()
    {
        double[] values = [0, 0.5, -0.5, 0.25, -0.25, 0, 8, -8, 2.5];
        // median 0, MAD 0.5 (deviations sorted 0 0 .25 .25 .5 .5 2.5 8 8): scores ±10.79 for ±8 and 3.37 for 2.5.
        Assert.Equal([6, 7], RobustZ.Outliers(values));
        Assert.Equal([6, 7, 8], RobustZ.Outliers(values, threshold: 3.0));
    }

    [Fact]
    public void With_zero_mad_only_values_off_the_median_are_outliers_with_infinite_scores()
    {
        var scores = RobustZ.Scores([5, 5, 5, 4, 5, 7]);
        Assert.Equal([0, 0, 0, double.NegativeInfinity, 0, double.PositiveInfinity], scores);
        Assert.Equal([3, 5], RobustZ.Outliers([5, 5, 5, 4, 5, 7]));
        Assert.Empty(RobustZ.Outliers([2, 2, 2]));
    }

    [Fact]
    public void A_minimum_scale_keeps_ties_and_near_ties_from_reading_as_infinite()
    {
        // Three values, two tied: MAD = 0, so without a floor the third is infinitely far away.
        Assert.Equal(double.PositiveInfinity, RobustZ.Scores([0, 0, 0.05])[2]);
        Assert.Equal(0.05 / 0.02, RobustZ.Scores([0, 0, 0.05], minimumScale: 0.02)[2], 12);
        // A floor below MAD / 0.6745 changes nothing: [1, 2, 3, 4, 10] has median 3 and MAD 1.
        Assert.Equal(0.6745 * 7, RobustZ.Scores([1, 2, 3, 4, 10], minimumScale: 1.0)[4], 12);
        Assert.Equal(7 / 2.0, RobustZ.Scores([1, 2, 3, 4, 10], minimumScale: 2.0)[4], 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => RobustZ.Scores([1, 2], minimumScale: -1));
    }

    [Fact]
    public void Scores_do_not_change_when_the_values_are_shifted_or_rescaled()
    {
        var random = new Random(9);
        var values = Enumerable.Range(0, 40).Select(_ => SeededNoise.Gaussian(random)).ToArray();
        var moved = values.Select(v => 250 + 1000 * v).ToArray();
        var a = RobustZ.Scores(values);
        var b = RobustZ.Scores(moved);
        for (int i = 0; i < a.Count; i++) Assert.Equal(a[i], b[i], 9);
    }

    [Fact]
    public void Empty_input_gives_no_scores_and_non_finite_input_is_rejected()
    {
        Assert.Empty(RobustZ.Scores([]));
        Assert.Empty(RobustZ.Outliers([]));
        Assert.Throws<ArgumentException>(() => RobustZ.Scores([1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RobustZ.Outliers([1, 2], threshold: 0));
    }

    static void AssertClose(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 9);
    }
}
