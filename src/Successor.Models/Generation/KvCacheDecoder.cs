// Incremental decoding of one sequence: each new token runs through the blocks as a single row and
// attends to the keys and values cached for the earlier positions, so a token costs O(T·C) attention
// instead of a whole forward pass. Positions are limited to the model's block size.
namespace Successor.Models.Generation;

public sealed unsafe class KvCacheDecoder(Gpt.GptModel model) : IDisposable
{
    readonly BatchedKvCache cache = new(model, rows: 1);

    /// <summary>Tokens consumed so far (the next token's position).</summary>
    public int Position { get; private set; }
    /// <summary>Logits (V) for the token after the last one consumed.</summary>
    public float* Logits => cache.Logits;

    /// <summary>Starts over at position 0 (the cache also starts new digit runs there).</summary>
    public void Reset() => Position = 0;

    /// <summary>Consumes one token at the next position and leaves the next-token logits in Logits.</summary>
    public void Push(int token)
    {
        if (Position >= model.Config.BlockSize)
            throw new InvalidOperationException(
                $"context is full ({model.Config.BlockSize} tokens); Reset and push the last tokens again");
        cache.Step([token], Position);
        Position++;
    }

    public void Dispose() => cache.Dispose();
}
