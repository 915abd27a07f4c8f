// The lab process holds its task through PublicSide: the public members answer as the task does, and every
// member that would read the sealed holdout refuses, naming the judge.
using Successor.Lab.Config;
using Successor.Lab.Judge;
using Successor.Lab.Workloads;
using Successor.Models.Gpt;
using Successor.Tensors.Fast;

namespace Successor.Lab.Tests.Judge;

public sealed class PublicSideTests
{
    [Fact]
    public void Public_members_answer_and_sealed_ones_refuse()
    {
        var config = new LabConfig
        {
            Curriculum = new CurriculumConfig { EvalDifficulties = "1-2", EvalItemsPerSlice = 10 },
            Promotion = new PromotionConfig { Difficulties = "1-2", ItemsPerSlice = 10 },
        };
        var task = LabWorkloads.Create(config);
        var side = new PublicSide(task);
        using var model = new GptModel(new ModelConfig { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 },
            new FastKernels());
        model.Initialize(2);
        Assert.Equal(task.PublicScores(model), side.PublicScores(model));
        Assert.Equal(task.Metric, side.Metric);
        Assert.NotNull(task.Score(model)); // the task itself would read the holdout in this process
        var refusals = new Action[]
        {
            () => side.Score(model), () => side.TrainingContamination(), () => side.Canaries(model),
            () => side.Compare(model, model), () => side.Replay(model, model, model, 1, 1),
        };
        foreach (var refused in refusals)
            Assert.Contains("only the judge process does", Assert.Throws<InvalidOperationException>(refused).Message);
    }
}
