using Successor.Lab.Stages;
using Successor.Lab.Trials;
using Successor.Records;
using Successor.Lab.Loop;

namespace Successor.Lab.Tests.Loop;

public sealed class LabSummaryTests
{
    /// <summary>.NET writes a negative number that rounds to zero under a "+0.000;-0.000" format as "-+0.000",
    /// and a single-section "+0.000" writes -0.081 as "-+0.081"; the table shows a signed effect once.</summary>
    [Fact]
    public void Effects_that_round_to_zero_or_are_negative_carry_one_sign()
    {
        var row = new GenerationRow(3, false, 2, "accuracy", 0.591, -0.0001, -0.0811, 0.0, 3.45, 3.41, 3.47, null, 0,
            2_560_000, 82, "");
        string table = LabSummary.Table([row]);
        Assert.Contains("+0.000 [-0.081, +0.000]", table);
        Assert.DoesNotContain("-+", table);
    }

    /// <summary>A tiny model below one half already at the easiest difficulty: the logistic fit puts its horizon
    /// at -11.35, a difficulty never tested; the table says "below 1" instead.</summary>
    [Fact]
    public void A_horizon_below_the_easiest_difficulty_is_shown_as_a_bound()
    {
        var row = new GenerationRow(1, false, 0, "accuracy", 0.2, null, null, null, -11.35, -16.54, null, null, 0,
            1000, 5, "", HorizonStatus: "below_range", HorizonEasiest: 1, HorizonHardest: 3);
        string table = LabSummary.Table([row]);
        Assert.Contains("< 1 [< 1, > 3]", table);
        Assert.DoesNotContain("-11", table);
        Assert.DoesNotContain("-16", table);
    }

    /// <summary>A successor made the champion under the adopt-every-successor ablation is not shown as promoted:
    /// the judge did not decide it.</summary>
    [Fact]
    public void The_outcome_says_adopted_for_a_champion_the_judge_did_not_decide()
    {
        GenerationRow Row(int g, bool promoted, string reason) =>
            new(g, promoted, g, "accuracy", 0.5, null, null, null, null, null, null, null, 0, 1000, 5, reason);
        var rows = new[]
        {
            Row(0, true, "the first champion"),
            Row(1, true, "promoted: improvement 0.02"),
            Row(2, true, $"{GenerationRecord.AdoptedReason} (promotion.adopt_every_successor), which found it not " +
                "genuinely better: no better"),
            Row(3, false, "not genuinely better on the sealed holdout: no better"),
        };
        Assert.Equal(["first", "promoted", "adopted", "rejected"], rows.Select(r => r.Outcome));
        var lines = LabSummary.Table(rows).Split('\n');
        Assert.StartsWith("2    adopted ", lines[3]);
        Assert.StartsWith("1    promoted", lines[2]);
    }
}
