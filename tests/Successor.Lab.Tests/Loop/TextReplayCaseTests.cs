// A text lab's known-bad cases, built from a real model's and its perturbed copy's per-document losses:
// the text rule (the CI of the bits-per-byte gain excludes zero) accepts none, a rule that asks only whether
// the mean loss is lower accepts every lucky win.
using Successor.Data.Corpora;
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Text;
using Successor.Evaluation.Verification;
using Successor.Lab.Stages;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Fast;

namespace Successor.Lab.Tests.Loop;

public sealed class TextReplayCaseTests
{
    static Verdict Rule(List<(double Loss, long Tokens)> a, List<(double Loss, long Tokens)> b, bool interval)
    {
        var overall = SeededBootstrap.Compare([.. a.Select(d => -d.Loss / Math.Log(2))],
            [.. b.Select(d => -d.Loss / Math.Log(2))], 1000, 5);
        return GenuinelyBetter.Decide(interval ? overall : overall with { Low = overall.Difference }, [], 0.02);
    }

    [Fact]
    public void The_text_rule_accepts_no_known_bad_case_and_a_mean_only_rule_every_lucky_win()
    {
        var config = new ModelConfig { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 };
        using var model = new GptModel(config, new FastKernels());
        model.Initialize(3);
        using var perturbed = new GptModel(config, new FastKernels());
        model.Parameters.Slice(0, (int)model.Parameters.Length)
            .CopyTo(perturbed.Parameters.Slice(0, (int)perturbed.Parameters.Length));
        PromotionReplay.Perturb(perturbed, 8);
        var rng = new Rng(2);
        var documents = Enumerable.Range(0, 40).Select(i => new Document($"d{i}",
            string.Concat(Enumerable.Range(0, 60).Select(_ => (char)('a' + rng.NextInt(26)))))).ToList();
        var c = TextEvaluator.PerDocument(model, documents);
        var p = TextEvaluator.PerDocument(perturbed, documents);
        Assert.NotEqual(c.Select(x => x.Loss), p.Select(x => x.Loss));
        var cases = KnownCases.Text(c, p, 1, 20);
        Assert.Equal((20, 20), (cases.Count(k => k.Kind == KnownCases.WorseOnSealed),
            cases.Count(k => k.Kind == KnownCases.LuckyWin)));
        Assert.DoesNotContain(cases, k => Rule(c, k.Successor, interval: true).GenuinelyBetter);
        Assert.All(cases.Where(k => k.Kind == KnownCases.LuckyWin),
            k => Assert.True(Rule(c, k.Successor, interval: false).GenuinelyBetter));
    }
}
