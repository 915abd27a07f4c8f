using Successor.Evaluation.Curriculum;
using Successor.Lab.Stages;
using Successor.Records;

namespace Successor.Lab.Tests.Stages;

public sealed class FrontierProbeTests
{
    /// <summary>Slices of two families at `d`: radd answers `radd(d)` of 50 right, copy `copy(d)`.</summary>
    static Func<int, IReadOnlyList<SliceResult>> Model(Func<int, int> radd, Func<int, int> copy) =>
        d => [new SliceResult("radd", d, 50, radd(d)), new SliceResult("copy", d, 50, copy(d))];

    [Fact]
    public void The_frontier_goes_as_far_as_every_family_masters_each_length_in_turn()
    {
        var tried = new List<int>();
        var model = Model(d => d <= 15 ? 50 : 40, d => d <= 14 ? 50 : 0);
        Assert.Equal(14, FrontierProbe.Reach(12, 20, 0.99, d => { tried.Add(d); return model(d); }));
        // it stops at the first length not mastered, and never tries a length past it
        Assert.Equal([13, 14, 15], tried);
    }

    [Fact]
    public void The_frontier_stops_at_the_limit_and_stays_put_when_the_next_length_is_not_mastered()
    {
        var perfect = Model(_ => 50, _ => 50);
        Assert.Equal(16, FrontierProbe.Reach(12, 16, 0.99, perfect));
        Assert.Equal(12, FrontierProbe.Reach(12, 12, 0.99, perfect));
        // 49 of 50 is 98%: below 99%, so 13 is not mastered, however good 14 is
        Assert.Equal(12, FrontierProbe.Reach(12, 20, 0.99, Model(d => d == 13 ? 49 : 50, _ => 50)));
        // a length with no problems is not mastered
        Assert.Equal(12, FrontierProbe.Reach(12, 20, 0.99, _ => []));
        Assert.Equal(12, FrontierProbe.Reach(12, 20, 0.99, d => [new SliceResult("radd", d, 0, 0)]));
    }

    [Fact]
    public void Curated_lengths_the_champion_answered_at_least_99_percent_right_under_the_exact_filter_are_mastered()
    {
        var c = new CurationRecord { Filter = "exact", Difficulties = [6, 7, 8], Generated = 3000 };
        Assert.Equal(7, FrontierProbe.Curated(c with { KeptPerDifficulty = [997, 990, 400] }, 0.99));
        Assert.Equal(0, FrontierProbe.Curated(c with { KeptPerDifficulty = [989, 1000, 1000] }, 0.99));
        Assert.Equal(8, FrontierProbe.Curated(c with { KeptPerDifficulty = [1000, 1000, 1000] }, 0.99));
        // a majority vote's kept share is agreement, not accuracy: it shows nothing mastered
        Assert.Equal(0, FrontierProbe.Curated(c with { Filter = "majority", KeptPerDifficulty = [1000, 1000, 1000] },
            0.99));
    }

    [Fact]
    public void Curated_lengths_every_voter_answered_alike_at_least_99_percent_of_the_time_are_mastered()
    {
        var c = new CurationRecord { Filter = "vote", Difficulties = [8, 9], Generated = 2000,
            KeptPerDifficulty = [1000, 1000] };
        // a majority on every problem shows nothing: two of three voters may share a wrong answer
        Assert.Equal(0, FrontierProbe.Curated(c with { VoteUnanimousPerDifficulty = [989, 1000] }, 0.99));
        Assert.Equal(8, FrontierProbe.Curated(c with { VoteUnanimousPerDifficulty = [990, 700] }, 0.99));
        Assert.Equal(9, FrontierProbe.Curated(c with { VoteUnanimousPerDifficulty = [1000, 995] }, 0.99));
        // a vote recorded before unanimity was counted shows nothing, as it did then
        Assert.Equal(0, FrontierProbe.Curated(c, 0.99));
    }
}
