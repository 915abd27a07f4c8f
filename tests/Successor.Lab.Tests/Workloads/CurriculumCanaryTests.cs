// A curriculum lab carries canaries: sealed-side problems whose answers no rule produces, derived from the
// sealed secret. A model trained on them (sealed data leaked into its training) answers them and is caught;
// a model trained on the task answers them by the rule, never with the secret.
using Successor.Data.Curriculum;
using Successor.Evaluation.Verification;
using Successor.Lab.Config;
using Successor.Lab.Workloads;
using Successor.Models.Gpt;
using Successor.Tensors.Fast;
using Successor.Training;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Lab.Tests.Workloads;

public sealed class CurriculumCanaryTests
{
    static readonly ModelConfig Config = new() { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 };
    static readonly PromotionConfig Promotion = new() { Difficulties = "1-2", ItemsPerSlice = 30 };

    static IReadOnlyList<Problem> Canaries(ulong secret) => CanaryProblems.For(secret, TaskFamilies.Parse("radd"),
        CurriculumGenerator.ParseDifficulties(Promotion.Difficulties), new VerifierSettings().Canaries);

    static Trainer Train(IBatchSource source, int steps)
    {
        var recipe = new Recipe { Model = Config, BatchSize = 32, Steps = steps, WarmupSteps = 10, EvalInterval = 0,
            LearningRate = 1e-2, MinLearningRate = 1e-3, Seed = 5 };
        var trainer = new Trainer(recipe, new TrainingData("t", "0", source, source), new FastKernels());
        trainer.Run();
        return trainer;
    }

    [Fact]
    public void Canaries_are_sealed_side_problems_whose_secret_answers_no_rule_gives()
    {
        var canaries = Canaries(new VerifierSettings().Seed);
        Assert.Equal(4, canaries.Count);
        Assert.All(canaries, c =>
        {
            Assert.Equal(2, CurriculumPartition.SideOf(c.Prompt));
            Assert.False(TaskFamilies.Check(c.Prompt, c.Answer), c.Line);
            Assert.Equal(CanaryProblems.AnswerDigits, c.Answer.Length);
        });
        Assert.Equal(canaries, Canaries(new VerifierSettings().Seed));
        Assert.Empty(Canaries(12345).Select(c => c.Answer).Intersect(canaries.Select(c => c.Answer)));
    }

    [Fact]
    public void A_model_that_memorised_the_canaries_is_caught_and_one_taught_the_task_is_not()
    {
        var workload = new CurriculumWorkload(new CurriculumConfig(), 1, Promotion);
        using var leaked = Train(new ProblemSetBatchSource(Canaries(new VerifierSettings().Seed)), 400);
        var caught = workload.Canaries(leaked.Model);
        Assert.Equal(4, caught.Planted);
        Assert.True(caught.Completed >= 3, $"the memorising model completed {caught.Completed} of 4 canaries");
        using var taught = Train(new CurriculumBatchSource([TaskFamilies.Get("radd")], 1, 2, CurriculumSplit.Train),
            400);
        Assert.Equal(new CanaryResult(4, 0), workload.Canaries(taught.Model));
    }
}
