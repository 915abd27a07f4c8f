// One part of a text (train or validation) as a token array: random training windows, and full
// non-overlapping passes for evaluation. Inputs are tokens [s, s+T), targets the next tokens [s+1, s+T+1).
using Successor.Tensors;

namespace Successor.Training.Data;

public sealed class TokenStream(int[] tokens) : IBatchSource
{
    public int[] Tokens { get; } = tokens;
    public int Length => Tokens.Length;

    /// <summary>B windows at uniform random starts.</summary>
    public void Sample(Rng rng, int B, int T, Span<int> inputs, Span<int> targets)
    {
        if (Length < T + 1)
            throw new InvalidOperationException($"split has {Length} tokens; a window of {T} needs at least {T + 1}");
        for (int b = 0; b < B; b++)
        {
            int start = rng.NextInt(Length - T);
            Tokens.AsSpan(start, T).CopyTo(inputs.Slice(b * T, T));
            Tokens.AsSpan(start + 1, T).CopyTo(targets.Slice(b * T, T));
        }
    }

    /// <summary>Every token predicted once: consecutive windows of T, the last one padded (target −1).
    /// Yields batches of up to B windows and how many windows are real.</summary>
    public IEnumerable<(int[] Inputs, int[] Targets, int Windows)> Pass(int B, int T)
    {
        int predictable = Length - 1, windows = (predictable + T - 1) / T;
        for (int first = 0; first < windows; first += B)
        {
            var inputs = new int[B * T];
            var targets = new int[B * T];
            Array.Fill(targets, -1);
            int count = Math.Min(B, windows - first);
            for (int w = 0; w < count; w++)
            {
                int start = (first + w) * T, n = Math.Min(T, predictable - start);
                Tokens.AsSpan(start, n).CopyTo(inputs.AsSpan(w * T, n));
                Tokens.AsSpan(start + 1, n).CopyTo(targets.AsSpan(w * T, n));
            }
            yield return (inputs, targets, count);
        }
    }
}
