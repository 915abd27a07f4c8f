// "Did you mean": a close misspelling gets the known name, a far one gets nothing.
namespace Successor.Models.Tests.Json;

public sealed class NearestNameTests
{
    static readonly string[] Known = ["generations", "name", "budgets", "learning_rate", "seed", "steps"];

    [Theory]
    [InlineData("generatons", "generations")]
    [InlineData("lerning_rate", "learning_rate")]
    [InlineData("learning-rate", "learning_rate")]
    [InlineData("Seed", "seed")]
    [InlineData("stpes", "steps")]
    [InlineData("budgest", "budgets")]
    public void A_close_misspelling_is_answered_with_the_known_name(string typed, string expected) =>
        Assert.Equal(expected, NearestName.Suggest(typed, Known));

    [Theory]
    [InlineData("temperature")]
    [InlineData("xyz")]
    [InlineData("model")]
    public void A_far_name_gets_no_suggestion(string typed) => Assert.Null(NearestName.Suggest(typed, Known));

    [Fact]
    public void An_adjacent_swap_costs_one_edit() => Assert.Equal(1, NearestName.Distance("stpes", "steps"));
}
