// The end-of-run line in words: the 99% horizon's move on the sealed side, the lengths learned past what the
// first champion was taught and could do, and the wrong labels the filter let in.
using Successor.Lab.Loop;

namespace Successor.Lab.Tests.Loop;

public sealed class HorizonHeadlineTests
{
    static GenerationRow Row(int g, bool promoted, int? horizon, int? kept = null, double? accuracy = null) =>
        new(g, promoted, promoted ? g : 0, "accuracy", 0.5, null, null, null, null, null, null, accuracy, kept, 0, 0,
            "") { ReliableHorizon = horizon, SealedThrough = horizon + 3 };

    [Fact]
    public void It_counts_lengths_past_the_training_range_and_every_wrong_label_kept()
    {
        GenerationRow[] rows = [Row(0, false, 3), Row(1, true, 5, 1000, 1.0), Row(2, false, 7, 800, 1.0),
            Row(3, true, 9, 1200, 0.995)];
        Assert.Equal("99% horizon 3 → 9 digits, trained on 1–3; 6 lengths learned from self-generated data; "
            + "6 wrong labels kept (of 3,000 kept)", HorizonHeadline.For(rows, "1-3", "radd"));
    }

    /// <summary>A first champion that already extrapolates past its training range gets no credit for it, one
    /// short of it counts nothing, and a rejected successor's horizon is not the champion's.</summary>
    [Fact]
    public void Only_lengths_past_the_first_champion_and_the_training_range_count_as_learned()
    {
        Assert.StartsWith("99% horizon 4 → 6 digits, trained on 1–3; 2 lengths learned",
            HorizonHeadline.For([Row(0, false, 4), Row(1, true, 6, 10, 1.0)], "1-3", "radd"));
        Assert.StartsWith("99% horizon 1 → 3 digits, trained on 1–3; 0 lengths learned",
            HorizonHeadline.For([Row(0, false, 1), Row(1, true, 3, 0)], "1-3", "radd"));
        Assert.Equal("99% horizon 2 → 2 difficulties, trained on 2; 0 lengths learned from self-generated data; "
            + "0 wrong labels kept (of 0 kept)",
            HorizonHeadline.For([Row(0, false, 2), Row(1, false, 8)], "2", "sort"));
        Assert.Null(HorizonHeadline.For([Row(0, false, null)], "1-3", "radd"));
    }
}
