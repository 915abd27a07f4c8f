// Abacus positions (McLeish et al. 2024, "Transformers Can Do Arithmetic with the Right Embeddings"):
// a token's position id comes from the tokens, not from where it sits. A digit gets 1 + the number of
// digits right before it in its run, any other token 0, so in "radd 321+654=975" the i-th digit of each
// operand and of the reversed answer all get id i, at any length and any offset in the row. The table
// wpe (max_digit_position + 1, C) is added to the token embedding by id.
// Legend: B batch, T time, N = B*T rows, C channels.
using System.Numerics.Tensors;
using Successor.Tensors;

namespace Successor.Models.Gpt;

public static unsafe class DigitPositions
{
    /// <summary>The Rng site of the training offsets; dropout uses sites 0..2L with one part fewer.</summary>
    const ulong OffsetSite = 0xABACu;

    /// <summary>Digits are the byte tokens '0'..'9'.</summary>
    public static bool IsDigit(int token) => (uint)(token - '0') <= 9;

    /// <summary>The id after `run`, the id of the previous token in the same row: run + 1 for a digit, else
    /// 0.</summary>
    public static int Next(int run, int token) => IsDigit(token) ? run + 1 : 0;

    /// <summary>ids (B,T) of tokens (B,T); each row starts a new run and every id of row b is shifted by offsets[b]
    /// (null: no shift). Non-digits are shifted too: were they left at 0, the token that predicts an answer's first
    /// digit (`=`) would carry no hint of where the row's digit ids start, and a model trained with an offset
    /// mostly failed to learn addition at all.</summary>
    public static void Ids(int* ids, int* tokens, int[]? offsets, int B, int T)
    {
        for (int b = 0; b < B; b++)
        {
            int run = 0, k = offsets?[b] ?? 0;
            for (int t = 0; t < T; t++)
            {
                run = Next(run, tokens[b * T + t]);
                ids[b * T + t] = run + k;
            }
        }
    }

    /// <summary>One training offset per row, uniform in [0, maxOffset], fixed by the step's seed alone (not by
    /// threads). McLeish et al. draw one per sample so that ids beyond the trained lengths get trained.</summary>
    public static int[] Offsets(ulong seed, int B, int maxOffset)
    {
        var rng = Rng.For(seed, OffsetSite);
        var offsets = new int[B];
        if (maxOffset > 0) for (int b = 0; b < B; b++) offsets[b] = rng.NextInt(maxOffset + 1);
        return offsets;
    }

    /// <summary>output (N,C) += wpe[ids] (N,C). The caller guarantees ids below the table's rows
    /// (ModelConfig.Validate).</summary>
    public static void Forward(float* output, int* ids, float* wpe, int N, int C) =>
        Parallelism.For(N, n =>
        {
            var o = new Span<float>(output + (long)n * C, C);
            TensorPrimitives.Add(o, new ReadOnlySpan<float>(wpe + (long)ids[n] * C, C), o);
        });

    /// <summary>dwpe[ids] += dout (N,C). Serial: rows share ids, and the encoder is a tiny share of a step.</summary>
    public static void Backward(float* dwpe, float* dout, int* ids, int N, int C)
    {
        for (int n = 0; n < N; n++)
        {
            var d = new Span<float>(dwpe + (long)ids[n] * C, C);
            TensorPrimitives.Add(d, new ReadOnlySpan<float>(dout + (long)n * C, C), d);
        }
    }
}
