// The replay must tell a broken gate from a sound one: accepting everything is two false accepts of two
// known-bad cases; rejecting everything is no false accept but a false reject; the real promotion rule on a
// trained model and its degraded copy accepts only the known-good case.
using Successor.Data.Curriculum;
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Verification;
using Successor.Lab.Loop;
using Successor.Models.Gpt;
using Successor.Tensors.Kernels;
using Successor.Training;
using Successor.Training.Recipes;

namespace Successor.Lab.Tests.Loop;

public sealed class PromotionReplayTests
{
    static Verdict Always(bool accept) => new(accept, new Comparison(0, 0, 0, 0, 0, 1, 1, 1000), [], 0, accept ? "accepted" : "rejected");

    [Fact]
    public void A_gate_that_accepts_everything_false_accepts_every_known_bad_case()
    {
        var r = PromotionReplay.Run(pairs => [.. pairs.Select(_ => Always(true))]);
        Assert.Equal((2, 2, 1, 0), (r.KnownBad, r.FalseAccepts, r.KnownGood, r.FalseRejects));
        Assert.Equal(1.0, r.FalseAcceptRate);
        Assert.Equal(1 / 3.0, r.Accuracy, 12);
    }

    [Fact]
    public void A_gate_that_rejects_everything_accepts_nothing_bad_but_misses_the_good_case()
    {
        var r = PromotionReplay.Run(pairs => [.. pairs.Select(_ => Always(false))]);
        Assert.Equal((0, 1), (r.FalseAccepts, r.FalseRejects));
        Assert.Equal(0.0, r.FalseAcceptRate);
        Assert.Equal(2 / 3.0, r.Accuracy, 12);
        Assert.Throws<InvalidOperationException>(() => PromotionReplay.Run(_ => [Always(false)]));
    }

    [Fact]
    public void The_promotion_rule_accepts_only_the_champion_over_its_degraded_copy()
    {
        var kernels = new FastKernels();
        var config = new ModelConfig { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 16 };
        var recipe = new Recipe { Model = config, BatchSize = 32, Steps = 600, WarmupSteps = 10, EvalInterval = 0, LearningRate = 1e-2, MinLearningRate = 1e-3, Seed = 3 };
        using var trainer = new Trainer(recipe, CurriculumBatchSource.Data([TaskFamilies.Get("radd")], 1, 1), kernels);
        trainer.Run();
        using var degraded = new GptModel(config, kernels);
        trainer.Model.Parameters.Slice(0, (int)trainer.Model.Parameters.Length).CopyTo(degraded.Parameters.Slice(0, (int)degraded.Parameters.Length));
        PromotionReplay.Degrade(degraded, seed: 11);

        var verifier = new Verifier(new VerifierSettings { Difficulties = "1", ItemsPerSlice = 30, Resamples = 1000 });
        Assert.True(verifier.Score(trainer.Model).Accuracy > 0.3, "the test model did not learn enough to tell apart from its degraded copy");
        Assert.Equal(0, verifier.Score(degraded).Accuracy);
        var r = PromotionReplay.Run(pairs => verifier.ComparePairs([trainer.Model, degraded], pairs));
        Assert.Equal((0, 0), (r.FalseAccepts, r.FalseRejects));
        Assert.Equal(1.0, r.Accuracy);
    }

    [Fact]
    public void Degrading_is_seeded_and_moves_every_tensor_by_its_own_scale()
    {
        var kernels = new FastKernels();
        var config = new ModelConfig { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 16 };
        using var a = new GptModel(config, kernels);
        using var b = new GptModel(config, kernels);
        a.Initialize(1);
        b.Initialize(1);
        var before = a.Parameters.Slice(0, (int)a.Parameters.Length).ToArray();
        PromotionReplay.Degrade(a, 5);
        PromotionReplay.Degrade(b, 5);
        Assert.True(a.Parameters.Slice(0, (int)a.Parameters.Length).SequenceEqual(b.Parameters.Slice(0, (int)b.Parameters.Length)));
        var wte = a.Layout["wte"];
        double Rms(IEnumerable<float> x) => Math.Sqrt(x.Average(v => (double)v * v));
        double noise = Rms(a.Parameters.Slice(wte.Offset, wte.Count).ToArray().Zip(before.Skip((int)wte.Offset).Take(wte.Count), (x, y) => x - y));
        Assert.InRange(noise / Rms(before.Skip((int)wte.Offset).Take(wte.Count)), 0.95, 1.05);
    }
}
