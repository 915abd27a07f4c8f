// The replay must tell a broken gate from a sound one: accepting everything is two false accepts of two
// known-bad cases; rejecting everything is no false accept but a false reject; the real promotion rule on a
// trained model and its silenced copy accepts only the known-good case, and on an untrained champion
// accepts nothing (the silenced copy is never better, however weak the champion).
using Successor.Lab.Stages;
using Successor.Lab.Trials;
using Successor.Records;
using Successor.Data.Curriculum;
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Verification;
using Successor.Lab.Loop;
using Successor.Models.Gpt;
using Successor.Tensors.Fast;
using Successor.Training;
using Successor.Training.Recipes;
using Successor.Statistics;

namespace Successor.Lab.Tests.Loop;

public sealed class PromotionReplayTests
{
    static Verdict Always(bool accept) =>
        new(accept, new Comparison(0, 0, 0, 0, 0, 1, 1, 1000), [], 0, accept ? "accepted" : "rejected");

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

    static readonly ModelConfig Config = new() { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 16 };

    static GptModel SilencedCopy(GptModel model)
    {
        var copy = new GptModel(Config, model.Kernels);
        model.Parameters.Slice(0, (int)model.Parameters.Length)
            .CopyTo(copy.Parameters.Slice(0, (int)copy.Parameters.Length));
        PromotionReplay.Silence(copy);
        return copy;
    }

    [Fact]
    public void The_promotion_rule_accepts_only_the_champion_over_its_silenced_copy()
    {
        var recipe = new Recipe { Model = Config, BatchSize = 32, Steps = 600, WarmupSteps = 10, EvalInterval = 0,
            LearningRate = 1e-2, MinLearningRate = 1e-3, Seed = 3 };
        using var trainer =
            new Trainer(recipe, CurriculumBatchSource.Data([TaskFamilies.Get("radd")], 1, 1), new FastKernels());
        trainer.Run();
        using var silenced = SilencedCopy(trainer.Model);
        var verifier = new Verifier(new VerifierSettings { Difficulties = "1", ItemsPerSlice = 30, Resamples = 1000 });
        Assert.True(verifier.Score(trainer.Model).Accuracy > 0.3,
            "the test model did not learn enough to tell apart from its silenced copy");
        Assert.Equal(0, verifier.Score(silenced).Accuracy);
        var r = PromotionReplay.Run(pairs => verifier.ComparePairs([trainer.Model, silenced], pairs));
        Assert.Equal((0, 0), (r.FalseAccepts, r.FalseRejects));
        Assert.Equal(1.0, r.Accuracy);
    }

    [Fact]
    public void A_silenced_copy_never_beats_even_an_untrained_champion()
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            using var untrained = new GptModel(Config, new FastKernels());
            untrained.Initialize(seed);
            using var silenced = SilencedCopy(untrained);
            var verifier = new Verifier(new VerifierSettings { Families = "radd,add", Difficulties = "1-3",
                ItemsPerSlice = 30, Resamples = 1000 });
            var r = PromotionReplay.Run(pairs => verifier.ComparePairs([untrained, silenced], pairs));
            Assert.Equal(0, r.FalseAccepts);
        }
    }

    [Fact]
    public unsafe void A_silenced_copy_predicts_the_uniform_distribution()
    {
        using var model = new GptModel(Config, new FastKernels());
        model.Initialize(1);
        PromotionReplay.Silence(model);
        int[] x = [10, 20, 30, 40], y = [20, 30, 40, 50];
        float loss;
        fixed (int* px = x, py = y) loss = model.Forward(px, py, 1, 4);
        Assert.Equal(Math.Log(Config.VocabSize), loss, 5);
    }
}
