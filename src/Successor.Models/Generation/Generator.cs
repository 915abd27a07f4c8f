// Autoregressive generation with the KV cache. When the context fills up, the cache is rebuilt from the
// most recent half block, so long generations cost O(T) per token on average, not a full re-forward.
using Successor.Models.Gpt;
using Successor.Tensors;

namespace Successor.Models.Generation;

public static class Generator
{
    /// <summary>Yields `count` new tokens after the prompt (an empty prompt starts from a newline).</summary>
    public static IEnumerable<int> Generate(GptModel model, IReadOnlyList<int> prompt, int count,
        SamplingOptions options)
    {
        if (options.Validate() is { } error) throw new ArgumentException($"sampling: {error}");
        int block = model.Config.BlockSize;
        var context = prompt.Count > 0 ? prompt.ToList() : [(int)'\n'];
        var rng = new Rng(options.Seed);
        using var decoder = new KvCacheDecoder(model);
        Push(decoder, context, Math.Max(0, context.Count - block), context.Count);
        for (int i = 0; i < count; i++)
        {
            int next = Next(decoder, model.Config.VocabSize, options, rng);
            yield return next;
            context.Add(next);
            if (decoder.Position == block)
            {
                decoder.Reset();
                Push(decoder, context, context.Count - block / 2, context.Count - 1);
            }
            decoder.Push(next);
        }
    }

    static unsafe int Next(KvCacheDecoder decoder, int vocab, SamplingOptions options, Rng rng) =>
        Sampler.Next(new ReadOnlySpan<float>(decoder.Logits, vocab), options, rng);

    static void Push(KvCacheDecoder decoder, List<int> context, int from, int to)
    {
        for (int i = from; i < to; i++) decoder.Push(context[i]);
    }
}
