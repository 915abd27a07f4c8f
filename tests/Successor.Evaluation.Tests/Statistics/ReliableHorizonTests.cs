// The 99% horizon: the longest length up to which every slice is at least 99% right, in every family.
using Successor.Evaluation.Curriculum;
using Successor.Evaluation.Statistics;

namespace Successor.Evaluation.Tests.Statistics;

public sealed class ReliableHorizonTests
{
    static SliceResult S(int d, int correct, int count = 200, string family = "radd") => new(family, d, count, correct);

    [Fact]
    public void Two_wrong_of_200_is_99_percent_and_three_wrong_is_not()
    {
        Assert.Equal(3, ReliableHorizon.Of([S(1, 200), S(2, 199), S(3, 198), S(4, 197), S(5, 200)]));
        Assert.Equal(0, ReliableHorizon.Of([S(1, 197), S(2, 200)]));
        Assert.Equal(2, ReliableHorizon.Of([S(1, 99, 100), S(2, 100, 100), S(3, 98, 100)]));
    }

    [Fact]
    public void The_first_slice_below_99_percent_ends_it_whatever_comes_after()
    {
        Assert.Equal(2, ReliableHorizon.Of([S(4, 200), S(3, 150), S(1, 200), S(2, 200)]));
        Assert.Equal(0, ReliableHorizon.Of([]));
    }

    [Fact]
    public void Of_takes_the_weakest_family()
    {
        SliceResult[] slices = [S(1, 200), S(2, 200), S(3, 200), S(1, 200, family: "mul"), S(2, 10, family: "mul")];
        Assert.Equal(1, ReliableHorizon.Of(slices));
    }

    [Fact]
    public void Reach_is_the_hardest_slice_at_least_half_right_whatever_the_easier_ones_do()
    {
        Assert.Equal(6, ReliableHorizon.Reach([S(1, 200), S(2, 197), S(5, 150), S(6, 100), S(7, 99), S(8, 0)]));
        Assert.Equal(0, ReliableHorizon.Reach([S(1, 99), S(2, 0)]));
        Assert.Equal(2, ReliableHorizon.Reach([S(1, 200), S(2, 10, family: "mul"), S(2, 100, family: "radd")]));
    }
}
