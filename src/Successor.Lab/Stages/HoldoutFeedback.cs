// The only path from the sealed holdout to a researcher. With safety.holdout_feedback
// "none" (the default) there is none. With "thresholdout", each verified candidate is one query — its mean
// public score against its sealed score, both higher-is-better — through one Thresholdout whose budget is
// safety.thresholdout_budget. The mechanism is replayed from the first query on every time, with the same
// seed, so a resumed lab gives the researcher exactly the answers it gave before and spends no more budget.
using Successor.Research;
using Successor.Safety.Monitors;

namespace Successor.Lab.Stages;

public static class HoldoutFeedback
{
    public static IReadOnlyList<HoldoutAnswer> Answers(string mode, int budget, ulong seed,
        IReadOnlyList<HoldoutQuery> queries)
    {
        if (mode == "none") return [];
        if (mode != "thresholdout")
            throw new ArgumentException($"safety.holdout_feedback is \"{mode}\"; use none or thresholdout");
        var thresholdout = new Thresholdout(budget: budget, seed: seed);
        return [.. queries.OrderBy(q => q.Generation).Select(q =>
        {
            var a = thresholdout.Query(q.Public, q.Sealed);
            return new HoldoutAnswer(q.Generation, a.Refused ? null : a.Value, a.FromHoldout, a.Refused);
        })];
    }
}
