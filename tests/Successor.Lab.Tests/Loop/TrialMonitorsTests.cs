// The trial-stream monitors must flag what they are for — a fabricated top score, a loss that jumps up, a
// batch that trains at a fraction of its usual speed per CPU second — and stay quiet on what clean trials
// do: ties, close peers, a decreasing noisy curve with its early elbow, one slow trial, a different shape.
using Successor.Lab.Stages;
using Successor.Lab.Trials;
using Successor.Records;
using Successor.Lab.Loop;

namespace Successor.Lab.Tests.Loop;

public sealed class TrialMonitorsTests
{
    /// <summary>Per-item 1/0 scores with exactly `correct` of `items` right, spread over the items.</summary>
    static double[] Items(int correct, int items = 60) =>
        [.. Enumerable.Range(0, items).Select(i => i * correct / items != (i + 1) * correct / items ? 1.0 : 0.0)];

    static TrialSignal Trial(string id, double[] scores, double[]? curve = null, long tokens = 20480, double cpu = 1.5,
        string group = "2x128") =>
        new(id, scores, curve ?? [], tokens, cpu, group);

    /// <summary>A noisy training curve: a fast early drop (the elbow of training from scratch) then a slow
    /// decline.</summary>
    static double[] Curve(int seed, int points = 100, int jumpAt = -1, double jump = 0)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, points).Select(i => 0.6 + 2.0 * Math.Exp(-i / 4.0) - 0.002 * i
            + 0.02 * (random.NextDouble() - 0.5) + (jumpAt >= 0 && i >= jumpAt ? jump : 0))];
    }

    [Fact]
    public void A_fabricated_perfect_score_among_its_peers_is_an_outlier()
    {
        var clean = new[] { Trial("control", Items(3)), Trial("p1", Items(5)), Trial("p2", Items(2)) };
        Assert.Empty(TrialMonitors.Outliers(clean).Anomalies);
        var found = TrialMonitors.Outliers([.. clean, Trial("p3", Items(60))]).Anomalies;
        Assert.Equal("p3", Assert.Single(found).Trial);
        Assert.Equal("trial-outlier", found[0].Kind);
    }

    [Fact]
    public void Ties_near_ties_and_a_low_score_are_not_outliers()
    {
        // Two peers tie at 0: without a floor on the scale the third would be infinitely far out.
        Assert.Empty(
            TrialMonitors.Outliers([Trial("a", Items(0)), Trial("b", Items(0)), Trial("c", Items(1))]).Anomalies);
        Assert.Empty(
            TrialMonitors.Outliers([Trial("a", Items(30)), Trial("b", Items(31)), Trial("c", Items(0))]).Anomalies);
        var two = TrialMonitors.Outliers([Trial("a", Items(0)), Trial("b", Items(60))]);
        Assert.Empty(two.Anomalies);
        Assert.Contains("nothing to compare", two.Detail);
    }

    [Fact]
    public void A_loss_that_jumps_up_is_a_change_point_and_the_steady_decline_is_not()
    {
        for (int seed = 1; seed <= 20; seed++)
            Assert.Empty(TrialMonitors.ChangePoints([Trial("clean", Items(1), Curve(seed))]).Anomalies);
        var found = TrialMonitors.ChangePoints(
            [Trial("clean", Items(1), Curve(1)), Trial("broken", Items(1), Curve(2, jumpAt: 60, jump: 0.5))]).Anomalies;
        Assert.Equal("broken", Assert.Single(found).Trial);
        Assert.Empty(TrialMonitors.ChangePoints([Trial("drop", Items(1), Curve(3, jumpAt: 60, jump: -0.5))]).Anomalies);
        Assert.Contains("no loss curve",
            TrialMonitors.ChangePoints([Trial("short", Items(1), Curve(4, points: 25, jumpAt: 15, jump: 1))]).Detail);
    }

    /// <summary>A clean trial of the default lab (g3-r1-control, 300 steps warm-started near zero loss, 3 steps a
    /// point): spikes in proportion to the loss. On the raw scale its calm end made a spike read as a jump of
    /// 9.3.</summary>
    static readonly double[] NearZeroLoss =
    [
        0.006, 0.009, 0.005, 0.007, 0.006, 0.007, 0.006, 0.010, 0.016, 0.022, 0.017, 0.010, 0.009, 0.010, 0.012, 0.008,
            0.021, 0.019, 0.022, 0.028,
        0.040, 0.060, 0.045, 0.095, 0.054, 0.060, 0.053, 0.076, 0.129, 0.094, 0.074, 0.110, 0.155, 0.134, 0.084, 0.098,
            0.043, 0.054, 0.033, 0.046,
        0.124, 0.127, 0.113, 0.383, 0.188, 0.096, 0.127, 0.062, 0.106, 0.047, 0.059, 0.077, 0.083, 0.089, 0.043, 0.036,
            0.064, 0.048, 0.029, 0.065,
        0.066, 0.053, 0.076, 0.031, 0.025, 0.028, 0.039, 0.069, 0.056, 0.038, 0.030, 0.023, 0.038, 0.034, 0.051, 0.016,
            0.017, 0.024, 0.014, 0.019,
        0.014, 0.012, 0.007, 0.010, 0.010, 0.010, 0.007, 0.007, 0.006, 0.017, 0.009, 0.007, 0.005, 0.006, 0.006, 0.005,
            0.005, 0.006, 0.005, 0.006,
    ];

    [Fact]
    public void A_clean_curve_near_zero_loss_is_quiet_and_the_same_curve_corrupted_is_not()
    {
        Assert.Empty(TrialMonitors.ChangePoints([Trial("clean", Items(1), NearZeroLoss)]).Anomalies);
        // From point 70 on, the data stream is garbage: the loss sits at that of a model guessing.
        var corrupted = NearZeroLoss.Select((x, i) => i >= 70 ? 2.0 + x : x).ToArray();
        Assert.Single(TrialMonitors.ChangePoints([Trial("corrupted", Items(1), corrupted)]).Anomalies);
    }

    [Fact]
    public void A_batch_far_slower_per_cpu_second_than_its_history_is_a_throughput_drop()
    {
        var earlier = new[] { Trial("g1-a", Items(1), cpu: 1.50), Trial("g1-b", Items(1), cpu: 1.55),
            Trial("g1-c", Items(1), cpu: 1.45), Trial("g0", Items(1), tokens: 300000, cpu: 12) };
        var found = TrialMonitors.Throughput([Trial("g2-a", Items(1), cpu: 3.3), Trial("g2-b", Items(1), cpu: 3.2)],
            earlier).Anomalies;
        Assert.Equal("throughput-drop", Assert.Single(found).Kind);
        // One slow trial of three is not sustained; a trial of another shape has no history to compare with.
        Assert.Empty(TrialMonitors.Throughput([Trial("g2-a", Items(1), cpu: 6), Trial("g2-b", Items(1), cpu: 1.6),
            Trial("g2-c", Items(1), cpu: 1.5)], earlier).Anomalies);
        var other = TrialMonitors.Throughput([Trial("g2-a", Items(1), cpu: 9, group: "4x256"),
            Trial("g2-b", Items(1), cpu: 9, group: "4x256")], earlier);
        Assert.Empty(other.Anomalies);
        Assert.Contains("too little history", other.Detail);
        Assert.Empty(TrialMonitors.Throughput([Trial("g2-a", Items(1), cpu: 2.0), Trial("g2-b", Items(1), cpu: 2.1)],
            earlier).Anomalies);
    }

    [Fact]
    public void A_monitor_with_nothing_to_compare_says_so_and_one_that_compared_does_not()
    {
        var two = new[] { Trial("a", Items(10), Curve(1)), Trial("b", Items(12), Curve(2)) };
        TrialSignal[] three = [.. two, Trial("c", Items(11), Curve(3))];
        Assert.False(TrialMonitors.Outliers(two).Compared);
        Assert.True(TrialMonitors.Outliers(three).Compared);
        Assert.False(TrialMonitors.ChangePoints([Trial("a", Items(10), [1.0, 0.9])]).Compared);
        Assert.True(TrialMonitors.ChangePoints(three).Compared);
        Assert.False(TrialMonitors.Throughput(three, []).Compared);
        Assert.True(TrialMonitors.Throughput(three, [.. three.Select(t => t with { Id = "old-" + t.Id })]).Compared);
    }
}
