using Successor.Evaluation.Statistics;

namespace Successor.Lab.Stages;

/// <summary>A finalist's effect over all the selection's seeds and, when seed 0 is the last rung's pair, over
/// the fresh seeds alone.</summary>
sealed record Race(Finalist Finalist, Comparison All, Comparison? Fresh)
{
    public bool Passes => All.Low > 0 && (Fresh is null || Fresh.Low > 0);
}
