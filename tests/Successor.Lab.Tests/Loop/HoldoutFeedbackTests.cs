// The researcher's only view of the sealed holdout: nothing by default; with thresholdout, the reusable
// holdout's answers — the public score while the two agree, a noisy holdout score while budget lasts, then
// nothing — replayed identically when the lab resumes.
using Successor.Lab.Stages;
using Successor.Lab.Trials;
using Successor.Records;
using Successor.Lab.Loop;
using Successor.Research;
using Successor.Safety.Monitors;

namespace Successor.Lab.Tests.Loop;

public sealed class HoldoutFeedbackTests
{
    /// <summary>Candidates whose public score is far above their sealed score: every answer would come from the
    /// holdout.</summary>
    static readonly HoldoutQuery[] Gamed = [.. Enumerable.Range(1, 6).Select(g => new HoldoutQuery(g, 0.9, 0.1))];

    [Fact]
    public void With_none_the_researcher_receives_no_holdout_number()
    {
        Assert.Empty(HoldoutFeedback.Answers("none", 20, 7, Gamed));
        Assert.Throws<ArgumentException>(() => HoldoutFeedback.Answers("all", 20, 7, Gamed));
    }

    [Fact]
    public void With_thresholdout_holdout_numbers_come_only_from_its_answers_until_the_budget_is_spent()
    {
        var answers = HoldoutFeedback.Answers("thresholdout", 4, 7, Gamed);
        Assert.Equal([1, 2, 3, 4, 5, 6], answers.Select(a => a.Generation));
        Assert.All(answers.Take(4), a => Assert.True(a.FromHoldout && a.Value is > 0 and < 0.3, $"{a}"));
        Assert.All(answers.Skip(4), a => Assert.Equal(new HoldoutAnswer(a.Generation, null, false, true), a));
        // Exactly what the mechanism itself answers, query by query.
        var direct = new Thresholdout(budget: 4, seed: 7);
        Assert.Equal(Gamed.Select(q => direct.Query(q.Public, q.Sealed))
            .Select(a => a.Refused ? (double?)null : a.Value), answers.Select(a => a.Value));
    }

    [Fact]
    public void A_budget_of_zero_lets_no_number_through_and_agreement_returns_the_public_score()
    {
        Assert.All(HoldoutFeedback.Answers("thresholdout", 0, 7, Gamed), a =>
            Assert.True(a.Refused && a.Value is null));
        var agreeing =
            Enumerable.Range(1, 30).Select(g => new HoldoutQuery(g, 0.5 + g / 100.0, 0.5 + g / 100.0)).ToList();
        var answers = HoldoutFeedback.Answers("thresholdout", 30, 3, agreeing);
        // Thresholdout's per-query noise lets about one agreeing query in six spend budget; the rest see the public
        // score.
        Assert.InRange(answers.Count(a => a.FromHoldout), 1, 12);
        Assert.All(answers.Where(a => !a.FromHoldout), a => Assert.Equal(agreeing[a.Generation - 1].Public, a.Value));
    }

    [Fact]
    public void A_resumed_lab_gives_the_same_answers_for_the_same_generations()
    {
        var all = HoldoutFeedback.Answers("thresholdout", 3, 11, Gamed);
        Assert.Equal(all.Take(2), HoldoutFeedback.Answers("thresholdout", 3, 11, Gamed[..2]));
        Assert.Equal(all, HoldoutFeedback.Answers("thresholdout", 3, 11, [.. Gamed.Reverse()]));
    }
}
