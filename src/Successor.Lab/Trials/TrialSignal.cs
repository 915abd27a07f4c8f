namespace Successor.Lab.Trials;

/// <summary>One finished trial as the monitors see it. Group: the model shape, threads and distillation,
/// with the token budget — trials whose CPU cost per token is comparable.</summary>
public sealed record TrialSignal(
    string Id, IReadOnlyList<double> Scores, IReadOnlyList<double> LossCurve, long Tokens, double TrainCpuSeconds,
        string Group)
{
    public double Score => Scores.Count > 0 ? Scores.Average() : 0;
    public double? TokensPerCpuSecond => TrainCpuSeconds > 0 && Tokens > 0 ? Tokens / TrainCpuSeconds : null;
}
