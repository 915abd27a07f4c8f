// The promotion rule measured like any other check: every generation, cases whose right answer is known are
// replayed through it on a small slice of the sealed holdout. Known good: the champion as the successor of
// its silenced copy. Known bad: realistic traps built by the Verifier from the sealed answers of the
// champion and of a perturbed copy of it (Successor.Evaluation.Verification.KnownCases): worse on sealed
// whatever public says, one slice regressed just past the tolerance while better overall, and a win of one
// item that does not replicate. Cases any rule rejects (the champion against itself) measure nothing and
// are not replayed. A false accept is the error that compounds: it makes a worse model a parent. So the
// reliability the lab compounds is 1 − the upper confidence bound on the false-accept rate, pooled over the
// lab's replays — never 1 from a handful of clean cases; the accuracy over all cases is recorded beside it.
using Successor.Evaluation.Verification;
using Successor.Models.Gpt;
using Successor.Tensors;

namespace Successor.Lab.Stages;

public static class PromotionReplay
{
    /// <summary>Draws of each known-bad kind per generation: enough that a rule with no false accept is bounded
    /// at about 6% false accepts from one generation's lucky wins alone (the kind a weak champion leaves room
    /// for), so the default reliability floor holds from the first generation.</summary>
    public const int Variants = 50;

    /// <summary>Noise added to each weight tensor of the perturbed copy, relative to the tensor's RMS.</summary>
    public const double PerturbationScale = 0.05;

    /// <summary>Confidence of the bound on the false-accept rate.</summary>
    public const double Confidence = 0.95;

    /// <summary>Zeroes the final norm's weights, so every logit is exactly 0: the copy predicts the uniform
    /// distribution (log2 of the vocabulary in bits per byte on text) and greedy decoding repeats one byte,
    /// never an answer. No model can score below it, so the champion is always genuinely better or no worse.</summary>
    public static void Silence(GptModel model)
    {
        foreach (var t in model.Layout.Tensors.Where(t => t.Name.StartsWith("lnf.", StringComparison.Ordinal)))
            model.Parameters.Slice(t.Offset, t.Count).Clear();
    }

    /// <summary>Adds seeded Gaussian noise of `scale` times each weight tensor's RMS: a checkpoint that differs from
    /// the champion as a run with another seed might, answering some items differently.</summary>
    public static void Perturb(GptModel model, ulong seed, double scale = PerturbationScale)
    {
        var rng = Rng.For(seed, 0x9E27);
        foreach (var t in model.Layout.Tensors)
        {
            var w = model.Parameters.Slice(t.Offset, t.Count);
            double sum = 0;
            foreach (float x in w) sum += (double)x * x;
            float sigma = (float)(scale * Math.Sqrt(sum / Math.Max(1, t.Count)));
            if (sigma == 0) continue;
            for (int i = 0; i < w.Length; i++) w[i] += sigma * (float)rng.NextGaussian();
        }
    }

    /// <summary>The outcomes of the replayed cases. With no known-bad case built the rule is not measured, and
    /// its bound stays whatever the lab's earlier replays allow (1 with none).</summary>
    public static ReplayResult Run(IReadOnlyList<KnownCase> cases) =>
        new([.. cases.Select(c =>
            new ReplayOutcome(new ReplayCase(c.Kind, c.ShouldAccept), c.Verdict.GenuinelyBetter, c.Verdict.Reason))]);
}
