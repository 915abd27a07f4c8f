// The embedded default lab's recipe: reversed addition, a small GPT that trains in about a minute on one core.
// Digit positions with a training offset (McLeish et al. 2024) let it answer a little past the lengths it was
// taught, which is what a self-improvement lab needs: its successors learn the next lengths from the champion's
// own answers that the checker kept.
using Successor.Models.Gpt;
using Successor.Research;
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

    /// <summary>What the default lab's researcher may change: the library's default space, with the learning rate
    /// kept at 1e-3 or above and the self-generated share at 0.3 or above. Short warm-started trials favour low
    /// learning rates (Wu et al. 2018; docs/LAB.md), and a successor trained at 4e-4 learned the next lengths too
    /// slowly to hold them at 99%; a share near 0 would starve it of the kept data it exists to learn from.</summary>
    public static IReadOnlyList<Dimension> SearchSpace { get; } =
    [
        .. Research.SearchSpace.Default.Dimensions.Select(d => d.Key switch
        {
            "learning_rate" => d with { Low = 1e-3 },
            "self_generated_fraction" => d with { Low = 0.3, High = 0.7 },
            _ => d,
        }),
    ];
}
