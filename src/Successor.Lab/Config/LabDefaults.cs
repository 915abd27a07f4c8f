// The embedded default lab: reversed addition, a small GPT that trains in about a minute on one core,
// and budgets that let two generations finish on 2 cores in minutes.
using Successor.Models.Gpt;
using Successor.Training.Recipes;

namespace Successor.Lab.Config;

public static class LabDefaults
{
    public static Recipe Recipe { get; } = new()
    {
        Model = new ModelConfig { Layers = 2, Heads = 4, Embedding = 128, BlockSize = 32 },
        BatchSize = 32,
        Steps = 1500,
        LearningRate = 3e-3,
        MinLearningRate = 3e-4,
        WarmupSteps = 50,
        EvalInterval = 0,
        SelfGeneratedFraction = 0.3,
    };
}
