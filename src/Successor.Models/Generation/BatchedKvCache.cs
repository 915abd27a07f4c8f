// Incremental decoding of R sequences at once: each step feeds one token per row at the same position
// through every block as an (R, C) batch (GEMMs over R rows rather than R matrix–vector products), and
// each row attends to the keys and values cached for its earlier positions. One row is plain
// generation (KvCacheDecoder); many rows are batched greedy evaluation. With digit positions each row
// keeps its own digit run (rows can be at different digit ids at one step); position 0 starts new runs.
// A digit shift adds k to every id, as a training offset does to a row: a diagnostic of whether a model's skill
// depends on where its ids start (0, the default, is how every model is evaluated).
// Legend: R rows, T positions (block size), C channels, NH heads, HS head size, H MLP width, V vocab.
using System.Numerics.Tensors;
using Successor.Models.Gpt;
using Successor.Tensors;

namespace Successor.Models.Generation;

public sealed unsafe class BatchedKvCache : IDisposable
{
    readonly GptModel model;
    readonly FloatArena cache, scratch, rope;
    readonly float* x, ln, qkv, y, proj, fc, act, scores, mean, rstd;
    readonly int[] digitIds, shiftedIds;
    readonly int digitShift;

    public BatchedKvCache(GptModel model, int rows, int digitShift = 0)
    {
        if (rows < 1) throw new ArgumentException($"decoder rows is {rows}; it must be at least 1");
        if (digitShift != 0 && model.Config.Positions != Positions.Digits)
            throw new ArgumentException($"a digit shift of {digitShift} needs digit positions; this model has " +
                model.Config.Positions.ToString().ToLowerInvariant());
        if (digitShift < 0 || digitShift > model.Config.DigitOffset)
            throw new ArgumentException($"digit shift is {digitShift}; it must be in " +
                $"[0, {model.Config.DigitOffset}], the model's digit_offset (the ids it was trained at, and the rows " +
                "its table has)");
        this.digitShift = digitShift;
        this.model = model;
        Rows = rows;
        var c = model.Config;
        int C = c.Embedding, H = c.Hidden, fcOut = c.Activation == Activation.SwiGlu ? 2 * H : H, T = c.BlockSize;
        cache = new FloatArena(2L * c.Layers * rows * T * C); // (L, 2, R, T, C): keys then values
        long[] sizes = [C, C, 3 * C, C, C, fcOut, H, T, c.VocabSize, 1, 1];
        scratch = new FloatArena(sizes.Sum(s => FloatArena.Align(s * rows)) + FloatArena.Alignment);
        long offset = 0;
        float* Take(long n) { float* p = scratch.Pointer + offset; offset += FloatArena.Align(n * rows); return p; }
        x = Take(C); ln = Take(C); qkv = Take(3 * C); y = Take(C); proj = Take(C); fc = Take(fcOut); act = Take(H);
        scores = Take(T); Logits = Take(c.VocabSize); mean = Take(1); rstd = Take(1);
        rope = RopeTable.Create(c);
        digitIds = new int[rows];
        shiftedIds = new int[rows];
    }

    public int Rows { get; }
    /// <summary>Next-token logits (R, V) of the last Step.</summary>
    public float* Logits { get; }

    float* P(string name) => LayerWeights.At(model.Layout, model.Parameters, name);

    /// <summary>Consumes tokens[r] at position s for the first tokens.Length rows; leaves their logits.</summary>
    public void Step(ReadOnlySpan<int> tokens, int s)
    {
        var c = model.Config;
        int R = tokens.Length, C = c.Embedding, NH = c.Heads, HS = c.HeadSize, H = c.Hidden, T = c.BlockSize;
        if (R < 1 || R > Rows) throw new ArgumentException($"{R} tokens for a cache of {Rows} rows");
        if ((uint)s >= (uint)T)
            throw new InvalidOperationException($"position {s} is outside the context of {T} tokens");
        foreach (int token in tokens)
            if ((uint)token >= (uint)c.VocabSize)
                throw new ArgumentOutOfRangeException(nameof(tokens),
                    $"token {token} is outside the vocabulary [0, {c.VocabSize})");
        var k = model.Kernels;
        int fcOut = c.Activation == Activation.SwiGlu ? 2 * H : H;
        float* wpe = P("wpe");
        // (R, C)
        fixed (int* tok = tokens)
            k.EncoderForward(x, tok, P("wte"), c.Positions == Positions.Learned ? wpe + (long)s * C : null, R, 1, C);
        if (c.Positions == Positions.Digits)
        {
            // Same ids as DigitPositions.Ids in a full forward; no offset but an asked-for digit shift.
            for (int r = 0; r < R; r++) digitIds[r] = DigitPositions.Next(s == 0 ? 0 : digitIds[r], tokens[r]);
            if (digitShift != 0) for (int r = 0; r < R; r++) shiftedIds[r] = digitIds[r] + digitShift;
            fixed (int* ids = digitShift == 0 ? digitIds : shiftedIds) DigitPositions.Forward(x, ids, wpe, R, C);
        }
        for (int l = 0; l < c.Layers; l++)
        {
            var w = new LayerWeights(model.Layout, model.Parameters, l);
            float* keys = cache.Pointer + 2L * l * Rows * T * C, values = keys + (long)Rows * T * C; // (R, T, C) each
            NormForward(ln, x, w.Ln1W, w.Ln1B, R, C);
            k.MatmulForward(qkv, ln, w.QkvW, w.QkvB, R, C, 3 * C); // (R, 3C)
            if (c.Positions == Positions.Rope)
                k.RopeForward(qkv, RopeTable.Cos(rope, c, s), RopeTable.Sin(rope, c, s), R, 1, C, NH);
            Parallelism.For(R, r =>
            {
                float* row = qkv + (long)r * 3 * C;
                float* kr = keys + (long)r * T * C, vr = values + (long)r * T * C;
                new Span<float>(row + C, C).CopyTo(new Span<float>(kr + (long)s * C, C));
                new Span<float>(row + 2 * C, C).CopyTo(new Span<float>(vr + (long)s * C, C));
                Attend(row, kr, vr, y + (long)r * C, scores + (long)r * T, s, C, NH, HS);
            });
            k.MatmulForward(proj, y, w.ProjW, w.ProjB, R, C, C);
            k.ResidualForward(x, x, proj, R * C);
            NormForward(ln, x, w.Ln2W, w.Ln2B, R, C);
            k.MatmulForward(fc, ln, w.FcW, w.FcB, R, C, fcOut);
            switch (c.Activation)
            {
                case Activation.Gelu: k.GeluForward(act, fc, R * H); break;
                case Activation.ReluSquared: k.ReluSquaredForward(act, fc, R * H); break;
                default: k.SwiGluForward(act, fc, R, H); break;
            }
            k.MatmulForward(proj, act, w.FcProjW, w.FcProjB, R, H, C);
            k.ResidualForward(x, x, proj, R * C);
        }
        NormForward(ln, x, P("lnf.weight"), P("lnf.bias"), R, C);
        k.MatmulForward(Logits, ln, P(c.TieWeights ? "wte" : "lm_head.weight"), null, R, C, c.VocabSize); // (R, V)
    }

    /// <summary>out (C) = softmax(q·K[0..t]ᵀ/√HS) · V[0..t], head by head, for one row.</summary>
    static void Attend(float* q, float* keys, float* values, float* output, float* score, int t, int C, int NH, int HS)
    {
        float scale = 1f / MathF.Sqrt(HS);
        for (int h = 0; h < NH; h++)
        {
            var qh = new ReadOnlySpan<float>(q + h * HS, HS);
            float max = float.NegativeInfinity;
            for (int u = 0; u <= t; u++)
            {
                score[u] = TensorPrimitives.Dot(qh, new ReadOnlySpan<float>(keys + (long)u * C + h * HS, HS)) * scale;
                max = MathF.Max(max, score[u]);
            }
            float sum = 0f;
            for (int u = 0; u <= t; u++) sum += score[u] = MathF.Exp(score[u] - max);
            var o = new Span<float>(output + h * HS, HS);
            o.Clear();
            for (int u = 0; u <= t; u++)
                TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(values + (long)u * C + h * HS, HS), score[u] / sum,
                    o, o);
        }
    }

    void NormForward(float* output, float* input, float* weight, float* bias, int R, int C)
    {
        if (model.Config.Norm == Norm.LayerNorm)
            model.Kernels.LayerNormForward(output, mean, rstd, input, weight, bias, R, C);
        else model.Kernels.RmsNormForward(output, rstd, input, weight, R, C);
    }

    public void Dispose()
    {
        cache.Dispose();
        scratch.Dispose();
        rope.Dispose();
    }
}
