// One matrix multiply of a GPT training step, as Gemm sees it: C (M×N) = op(A) (M×K) · op(B) (K×N), done Count
// times per step. Attention's are per (batch row, head): single-threaded, the heads spread over the threads, and
// causal, so only the lower triangle's share (T+1)/2T of the full product is counted as work.
using Successor.Models.Gpt;

namespace Successor.Cli.Commands.Bench;

public sealed record StepMatmul(string Name, bool TransA, bool TransB, int M, int N, int K, int Count, bool PerHead)
{
    public int Lda => TransA ? M : K;
    public int Ldb => TransB ? K : N;

    /// <summary>Share of the full product the step needs (below 1 for causal attention).</summary>
    public double Share { get; init; } = 1.0;

    public double FlopsPerStep => 2.0 * M * N * K * Count * Share;

    /// <summary>Every matmul of one forward and backward pass of the model on B rows of T tokens.</summary>
    public static IReadOnlyList<StepMatmul> Of(ModelConfig m, int batchSize)
    {
        int rows = batchSize * m.BlockSize, C = m.Embedding, H = m.Hidden, L = m.Layers, T = m.BlockSize;
        int fcOut = m.Activation == Activation.SwiGlu ? 2 * H : H;
        var list = new List<StepMatmul>();
        void Linear(string name, int input, int output, int count)
        {
            // llm.c's convention: inp (rows, input) · W (output, input)ᵀ; backward gives dinp and dW.
            list.Add(new($"{name}.forward", false, true, rows, output, input, count, false));
            list.Add(new($"{name}.dinput", false, false, rows, input, output, count, false));
            list.Add(new($"{name}.dweight", true, false, output, input, rows, count, false));
        }
        Linear("qkv", C, 3 * C, L);
        Linear("attention_projection", C, C, L);
        Linear("fc", C, fcOut, L);
        Linear("fc_projection", H, C, L);
        Linear("lm_head", C, m.VocabSize, 1);
        int heads = batchSize * m.Heads * L, HS = m.HeadSize;
        double causal = (T + 1) / (2.0 * T);
        foreach (var (name, transA, transB, M, N, K) in new[]
        {
            ("attention.scores", false, true, T, T, HS), ("attention.values", false, false, T, HS, T),
            ("attention.dprobabilities", false, true, T, T, HS), ("attention.dvalues", true, false, T, HS, T),
            ("attention.dqueries", false, false, T, HS, T), ("attention.dkeys", true, false, T, HS, T),
        })
            list.Add(new StepMatmul(name, transA, transB, M, N, K, heads, true) { Share = causal });
        return list;
    }
}
