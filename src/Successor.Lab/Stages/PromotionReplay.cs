// The promotion rule measured like any other check: every generation, cases whose right
// answer is known are replayed through it on a small slice of the sealed holdout. Known bad — the champion
// against itself, and against a degraded copy of itself — must never be accepted; known good — the champion
// as the successor of its degraded copy — should be. A false accept is the error that compounds: it makes a
// worse model a parent. A false reject keeps the champion, which nobody inherits as an error, so the
// reliability the lab compounds is 1 − the false-accept rate; the accuracy over all cases is recorded beside it.
// The degraded copy must be worse for certain, or the case is not known bad: a copy with noisy weights
// sometimes answers a constant that some one-digit sums match, and beat a weak champion in 5 of 12 clean
// labs. The copy here predicts nothing at all.
using Successor.Evaluation.Statistics;
using Successor.Models.Gpt;

namespace Successor.Lab.Stages;

public static class PromotionReplay
{
    /// <summary>Models: 0 the champion, 1 its silenced copy.</summary>
    public static IReadOnlyList<ReplayCase> Cases { get; } =
    [
        new("the champion against itself", 0, 0, ShouldAccept: false),
        new("the champion against its silenced copy", 0, 1, ShouldAccept: false),
        new("the silenced copy against the champion", 1, 0, ShouldAccept: true),
    ];

    /// <summary>Zeroes the final norm's weights, so every logit is exactly 0: the copy predicts the uniform
    /// distribution (log2 of the vocabulary in bits per byte on text) and greedy decoding repeats one byte,
    /// never an answer. No model can score below it, so it is never genuinely better than its champion.</summary>
    public static void Silence(GptModel model)
    {
        foreach (var t in model.Layout.Tensors.Where(t => t.Name.StartsWith("lnf.", StringComparison.Ordinal)))
            model.Parameters.Slice(t.Offset, t.Count).Clear();
    }

    /// <summary>Every case through `rule`, which decides (champion, successor) pairs of the two models at
    /// once.</summary>
    public static ReplayResult Run(Func<IReadOnlyList<(int Champion, int Successor)>, IReadOnlyList<Verdict>> rule)
    {
        var verdicts = rule([.. Cases.Select(c => (c.Champion, c.Successor))]);
        if (verdicts.Count != Cases.Count)
            throw new InvalidOperationException($"the promotion rule decided {verdicts.Count} of {Cases.Count} " +
                "replayed cases");
        return new([.. Cases.Zip(verdicts, (c, v) => new ReplayOutcome(c, v.GenuinelyBetter, v.Reason))]);
    }
}
