// Greedy decoding of many prompts at once on a BatchedKvCache. All rows advance in lockstep, one
// position per step: a row feeds its prompt token while it has one, then its own last prediction, so
// rows with shorter prompts start answering earlier. Legend: R rows, T positions (block size), V vocab.
using Successor.Models.Generation;
using Successor.Models.Gpt;

namespace Successor.Evaluation.Curriculum;

public sealed unsafe class BatchedGreedyDecoder(GptModel model, int rows, int digitShift = 0) : IDisposable
{
    readonly BatchedKvCache cache = new(model, rows, digitShift);

    public int Rows => cache.Rows;

    /// <summary>Greedy continuations of up to `maxTokens` tokens, each stopped at (and without) `stop`.
    /// A row whose context fills up (block size) stops there. At most Rows prompts per call.</summary>
    public List<int>[] Decode(IReadOnlyList<int[]> prompts, int maxTokens, int stop = '\n')
    {
        int R = prompts.Count, T = model.Config.BlockSize, V = model.Config.VocabSize;
        if (R > Rows) throw new ArgumentException($"{R} prompts for a decoder of {Rows} rows");
        if (prompts.Any(p => p.Length == 0)) throw new ArgumentException("every prompt needs at least one token");
        var output = new List<int>[R];
        var done = new bool[R];
        for (int r = 0; r < R; r++) { output[r] = []; done[r] = prompts[r].Length >= T; }
        var tokens = new int[R];
        for (int s = 0; s < T && !done.All(d => d); s++)
        {
            for (int r = 0; r < R; r++)
                tokens[r] = s < prompts[r].Length ? prompts[r][s] : output[r].Count > 0 ? output[r][^1] : stop;
            cache.Step(tokens, s);
            for (int r = 0; r < R; r++)
            {
                if (done[r] || s < prompts[r].Length - 1) continue;
                int next = Sampler.ArgMax(new ReadOnlySpan<float>(cache.Logits + (long)r * V, V));
                if (next == stop) { done[r] = true; continue; }
                output[r].Add(next);
                if (output[r].Count >= maxTokens || s + 1 >= T) done[r] = true;
            }
        }
        return output;
    }

    public void Dispose() => cache.Dispose();
}
