// Incremental decoding of one sequence: each new token runs through the blocks as a single row and
// attends to the keys and values cached for the earlier positions, so a token costs O(T·C) attention
// instead of a whole forward pass. Positions are limited to the model's block size.
using System.Numerics.Tensors;
using Successor.Models.Gpt;
using Successor.Tensors;

namespace Successor.Models.Generation;

public sealed unsafe class KvCacheDecoder : IDisposable
{
    readonly GptModel model;
    readonly FloatArena cache, scratch, rope;
    readonly float* x, ln, qkv, y, proj, fc, act, scores, lnMean, lnRstd;

    public KvCacheDecoder(GptModel model)
    {
        this.model = model;
        var c = model.Config;
        int C = c.Embedding, H = c.Hidden, fcOut = c.Activation == Activation.SwiGlu ? 2 * H : H;
        cache = new FloatArena(2L * c.Layers * c.BlockSize * C); // K then V for each layer: (L, 2, T, C)
        long offset = 0;
        scratch = new FloatArena(6L * C + 3 * C + fcOut + H + c.BlockSize + c.VocabSize + 2 + 16 * 12);
        float* Take(long n) { float* p = scratch.Pointer + offset; offset = FloatArena.Align(offset + n); return p; }
        x = Take(C); ln = Take(C); qkv = Take(3 * C); y = Take(C); proj = Take(C); fc = Take(fcOut); act = Take(H);
        scores = Take(c.BlockSize); Logits = Take(c.VocabSize); lnMean = Take(1); lnRstd = Take(1);
        rope = RopeTable.Create(c);
    }

    /// <summary>Tokens consumed so far (the next token's position).</summary>
    public int Position { get; private set; }
    /// <summary>Logits (V) for the token after the last one consumed.</summary>
    public float* Logits { get; }

    public void Reset() => Position = 0;

    float* P(string name) => LayerWeights.At(model.Layout, model.Parameters, name);

    /// <summary>Consumes one token at the next position and leaves the next-token logits in Logits.</summary>
    public void Push(int token)
    {
        var c = model.Config;
        if (Position >= c.BlockSize) throw new InvalidOperationException($"context is full ({c.BlockSize} tokens); Reset and push the last tokens again");
        if ((uint)token >= (uint)c.VocabSize) throw new ArgumentOutOfRangeException(nameof(token), $"token {token} is outside the vocabulary [0, {c.VocabSize})");
        var k = model.Kernels;
        int C = c.Embedding, NH = c.Heads, HS = c.HeadSize, H = c.Hidden, t = Position;
        int fcOut = c.Activation == Activation.SwiGlu ? 2 * H : H;
        k.EncoderForward(x, &token, P("wte"), P("wpe") == null ? null : P("wpe") + (long)t * C, 1, 1, C);
        for (int l = 0; l < c.Layers; l++)
        {
            var w = new LayerWeights(model.Layout, model.Parameters, l);
            float* keys = cache.Pointer + (2L * l) * c.BlockSize * C, values = keys + (long)c.BlockSize * C;
            NormForward(ln, x, w.Ln1W, w.Ln1B, C);
            k.MatmulForward(qkv, ln, w.QkvW, w.QkvB, 1, C, 3 * C);
            if (c.Positions == Positions.Rope)
                k.RopeForward(qkv, RopeTable.Cos(rope, c, t), RopeTable.Sin(rope, c, t), 1, 1, C, NH);
            new Span<float>(qkv + C, C).CopyTo(new Span<float>(keys + (long)t * C, C));
            new Span<float>(qkv + 2 * C, C).CopyTo(new Span<float>(values + (long)t * C, C));
            Attend(keys, values, t, C, NH, HS);
            k.MatmulForward(proj, y, w.ProjW, w.ProjB, 1, C, C);
            k.ResidualForward(x, x, proj, C);
            NormForward(ln, x, w.Ln2W, w.Ln2B, C);
            k.MatmulForward(fc, ln, w.FcW, w.FcB, 1, C, fcOut);
            switch (c.Activation)
            {
                case Activation.Gelu: k.GeluForward(act, fc, H); break;
                case Activation.ReluSquared: k.ReluSquaredForward(act, fc, H); break;
                default: k.SwiGluForward(act, fc, 1, H); break;
            }
            k.MatmulForward(proj, act, w.FcProjW, w.FcProjB, 1, H, C);
            k.ResidualForward(x, x, proj, C);
        }
        NormForward(ln, x, P("lnf.weight"), P("lnf.bias"), C);
        k.MatmulForward(Logits, ln, P(c.TieWeights ? "wte" : "lm_head.weight"), null, 1, C, c.VocabSize);
        Position++;
    }

    /// <summary>y (C) = softmax(q·K[0..t]ᵀ/√HS) · V[0..t], head by head.</summary>
    void Attend(float* keys, float* values, int t, int C, int NH, int HS)
    {
        float scale = 1f / MathF.Sqrt(HS);
        for (int h = 0; h < NH; h++)
        {
            var q = new ReadOnlySpan<float>(qkv + h * HS, HS);
            float max = float.NegativeInfinity;
            for (int u = 0; u <= t; u++)
            {
                scores[u] = TensorPrimitives.Dot(q, new ReadOnlySpan<float>(keys + (long)u * C + h * HS, HS)) * scale;
                max = MathF.Max(max, scores[u]);
            }
            float sum = 0f;
            for (int u = 0; u <= t; u++) sum += scores[u] = MathF.Exp(scores[u] - max);
            var o = new Span<float>(y + h * HS, HS);
            o.Clear();
            for (int u = 0; u <= t; u++)
                TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(values + (long)u * C + h * HS, HS), scores[u] / sum, o, o);
        }
    }

    void NormForward(float* output, float* input, float* weight, float* bias, int C)
    {
        if (model.Config.Norm == Norm.LayerNorm) model.Kernels.LayerNormForward(output, lnMean, lnRstd, input, weight, bias, 1, C);
        else model.Kernels.RmsNormForward(output, lnRstd, input, weight, 1, C);
    }

    public void Dispose()
    {
        cache.Dispose();
        scratch.Dispose();
        rope.Dispose();
    }
}
