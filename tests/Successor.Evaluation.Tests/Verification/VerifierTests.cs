// The Verifier scores models on sealed problems, checks canaries and contamination against the sealed
// text holdout, and decides "genuinely better".
using Successor.Data.Corpora;
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Evaluation.Verification;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Training;
using Successor.Training.Recipes;

namespace Successor.Evaluation.Tests.Verification;

public sealed class VerifierTests
{
    static readonly ModelConfig Tiny = new() { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 };

    [Fact]
    public void Sealed_problems_are_never_train_or_validation_problems()
    {
        var settings = new VerifierSettings { Families = "all", Difficulties = "2-4", ItemsPerSlice = 20 };
        var sealedProblems = new Verifier(settings).SealedProblems();
        Assert.Equal(8 * 3 * 20, sealedProblems.Count);
        Assert.All(sealedProblems, p => Assert.Equal(2, CurriculumPartition.SideOf(p.Prompt)));
    }

    /// <summary>The holdout that moves with the frontier only adds slices: the problems sealed at a difficulty are
    /// the same whichever slices are sealed beside it, and differ under another secret.</summary>
    [Fact]
    public void Adding_harder_slices_leaves_the_problems_already_sealed_as_they_were()
    {
        List<string> At(string difficulties, int d, ulong secret = 77) =>
            [.. new Verifier(new VerifierSettings
                    { Difficulties = difficulties, ItemsPerSlice = 30, SealedSeed = secret })
                .SealedProblems().Where(p => p.Difficulty == d).Select(p => p.Line)];
        var before = At("1-3", 3);
        Assert.Equal(30, before.Count);
        Assert.Equal(before, At("1-7", 3));
        Assert.Equal(before, At("1,2,3,4,5,6,7,8,9,10,11", 3));
        Assert.Equal(At("1-4", 4), At("1-9", 4));
        Assert.Empty(before.Intersect(At("1-3", 3, secret: 78)));
    }

    [Fact]
    public void A_briefly_trained_model_is_scored_and_compared_on_sealed_problems()
    {
        var kernels = new FastKernels();
        var recipe = new Recipe { Model = Tiny, BatchSize = 16, Steps = 30, WarmupSteps = 5, EvalInterval = 0,
            LearningRate = 3e-3 };
        using var trainer = new Trainer(recipe, CurriculumBatchSource.Data([TaskFamilies.Get("radd")], 1, 2), kernels);
        using var untrained = new GptModel(Tiny, kernels);
        untrained.Initialize(1);
        trainer.Run();
        Assert.True(trainer.Losses[^1] < trainer.Losses[0]);
        var verifier =
            new Verifier(new VerifierSettings { Difficulties = "1-3", ItemsPerSlice = 30, Resamples = 1000 });
        var score = verifier.Score(trainer.Model);
        Assert.Equal(90, score.Items);
        Assert.Equal(3, score.Slices.Count);
        Assert.Single(score.Horizons);
        var verdict = verifier.Compare(untrained, untrained).Verdict;
        Assert.False(verdict.GenuinelyBetter);
        Assert.Equal(0, verdict.Overall.Difference);

        // Pairs decided from one decoding per model give the verdicts that Compare gives pair by pair.
        var pairs = verifier.ComparePairs([untrained, trainer.Model], [(0, 1), (1, 0), (1, 1)]);
        Assert.Equal(verifier.Compare(untrained, trainer.Model).Verdict.Overall, pairs[0].Overall);
        Assert.Equal(verifier.Compare(trainer.Model, untrained).Verdict.Reason, pairs[1].Reason);
        Assert.Equal(-pairs[0].Overall.Difference, pairs[1].Overall.Difference, 12);
        Assert.Equal((false, 0.0), (pairs[2].GenuinelyBetter, pairs[2].Overall.Difference));
    }

    [Fact]
    public void Canaries_and_contamination_are_checked_against_the_sealed_text_holdout()
    {
        string folder = Directory.CreateTempSubdirectory("successor-verifier-").FullName;
        try
        {
            var rng = new Rng(3);
            var docs = Enumerable.Range(0, 100).Select(i => new Document($"d{i}",
                string.Join(' ', Enumerable.Range(0, 30).Select(_ => $"w{rng.NextInt(5000)}")))).ToList();
            var corpus = new Corpus("c", docs);
            var split = CorpusSplitter.Split(corpus, new SplitRatios(0.6, 0.2, 0.2), 1, canaries: 2);
            SplitWriter.Write(folder, corpus, split, new SplitRatios(0.6, 0.2, 0.2), 1);
            var verifier = new Verifier(new VerifierSettings(), folder);
            using var model = new GptModel(Tiny with { BlockSize = 64 }, new FastKernels());
            model.Initialize(1);
            Assert.Equal(0, verifier.CanariesCompleted(model));
            Assert.True(verifier.HoldoutText(model).BitsPerByte > 4); // an untrained byte model: about log2(256) = 8
            var self = Assert.Single(verifier.CompareTextPairs([model], [(0, 0)], documents: 5));
            Assert.Equal((false, 5), (self.GenuinelyBetter, self.Overall.Items));
            Assert.Equal(0, verifier.Contamination(split.Train).Flagged);
            var leaked = verifier.Contamination([.. split.Train, split.Holdout[0] with { Id = "generated:1" }]);
            Assert.Equal(1, leaked.Flagged);
            Assert.Equal("generated:1", leaked.Examples[0].TrainingDocument);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void A_missing_or_tampered_holdout_is_a_clear_error()
    {
        string folder = Directory.CreateTempSubdirectory("successor-verifier-").FullName;
        try
        {
            Assert.Contains("successor data split", Assert.Throws<Successor.Training.Data.DataException>(() =>
                new Verifier(new VerifierSettings(), folder)).Message);
            Directory.CreateDirectory(Path.Combine(folder, "sealed"));
            File.WriteAllText(Path.Combine(folder, "sealed", SealedFormat.HoldoutFile), "{\"text\":\"no marker\"}\n");
            var verifier = new Verifier(new VerifierSettings(), folder);
            using var model = new GptModel(Tiny, new FastKernels());
            Assert.Contains("not the sealed marker",
                Assert.Throws<Successor.Training.Data.DataException>(() => verifier.HoldoutText(model)).Message);
        }
        finally { Directory.Delete(folder, true); }
    }
}
