// How the next token is drawn: temperature (0 = greedy), top-k (0 = off), top-p nucleus (1 = off), seed.
namespace Successor.Models.Generation;

public sealed record SamplingOptions(float Temperature = 1f, int TopK = 0, float TopP = 1f, ulong Seed = 1337)
{
    public string? Validate() =>
        !(Temperature >= 0) || float.IsInfinity(Temperature)
            ? $"temperature is {Temperature}; it must be 0 (greedy) or positive"
        : TopK < 0 ? $"top_k is {TopK}; it must be 0 (off) or positive"
        : !(TopP > 0 && TopP <= 1) ? $"top_p is {TopP}; it must be in (0, 1]"
        : null;
}
