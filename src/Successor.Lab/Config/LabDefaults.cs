// The embedded default lab's recipe: reversed addition, a small GPT that trains in about a minute on one core.
// Digit positions with a training offset (McLeish et al. 2024) let it answer a little past the lengths it was
// taught, which is what a self-improvement lab needs: its successors learn the next lengths from the champion's
// own answers that the checker kept.
using Successor.Models.Gpt;
using Successor.Training.Recipes;

namespace Successor.Lab.Config;

public static class LabDefaults
{
    public static Recipe Recipe { get; } = new()
    {
        // block 48: a reversed-addition problem of d digits is 3d + 9 tokens, so the sealed slices can move to 13
        Model = new ModelConfig
            { Layers = 2, Heads = 4, Embedding = 128, BlockSize = 48, Positions = Positions.Digits, DigitOffset = 4 },
        BatchSize = 32,
        Steps = 1500,
        LearningRate = 3e-3,
        MinLearningRate = 3e-4,
        WarmupSteps = 50,
        EvalInterval = 0,
        SelfGeneratedFraction = 0.5,
    };
}
