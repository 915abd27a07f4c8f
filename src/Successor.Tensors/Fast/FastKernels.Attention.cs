// Fast causal attention: one (batch, head) pair per parallel index, each a few serial GEMMs over the whole
// sequence that skip, register tile by register tile, what lies above the causal diagonal (GemmCausal): each
// operand is packed once per head. Q, K and V are read in place from qkv (row stride 3C).
// The probabilities of a head (T×T) live only in the thread's scratch, where the cache still holds them: forward
// keeps nothing in att, and backward computes them again from Q and K with the same calls, so the same bits, as
// FlashAttention does (Dao et al. 2022). A step then writes and rereads no B·NH·T·T tensor per layer (75 MB on
// "small"), and the gradient of the probabilities stays in scratch too. Row t of a head's probabilities is
// written up to Written(t) (zeros past t), past every entry the tiles touch.

namespace Successor.Tensors.Fast;

public sealed unsafe partial class FastKernels
{
    /// <summary>Keys per weight-gradient product in backward.</summary>
    const int KeyBlock = 64;

    /// <summary>Each thread's probabilities and their gradient for the head it is on (2·T·T floats).</summary>
    [ThreadStatic] static AlignedScratch? headScratch;

    static float* HeadScratch(int T) => (headScratch ??= new AlignedScratch()).Reserve(2L * T * T);

    /// <summary>How far row t of the probabilities (and of their gradient) is written, zeros past t: a multiple of
    /// 16 (at most T) beyond every column a register tile holding row t reads or writes (a tile spans at most 16
    /// rows and 32 columns, and starts at or below the diagonal).</summary>
    static int Written(int t, int T) => Math.Min(T, (t + 48) / 16 * 16);

    /// <summary>None: the probabilities live in the threads' scratch only.</summary>
    public override long AttentionStateLength(int B, int NH, int T) => 0;

    /// <summary>Leaves att untouched: backward recomputes the probabilities.</summary>
    public override void AttentionForward(float* output, float* att, float* qkv, int B, int T, int C, int NH)
    {
        int HS = C / NH, ld = 3 * C;
        Parallelism.For(B * NH, bh =>
        {
            int b = bh / NH, h = bh % NH;
            float* q = qkv + (long)b * T * ld + h * HS, v = q + 2 * C;
            float* p = Probabilities(q, T, C, HS, HeadScratch(T));
            // O = P·V, summed over keys up to each row
            Gemm.MultiplyCausal(false, false, T, HS, T, p, T, v, ld, output + (long)b * T * C + h * HS, C, false,
                GemmCausal.DepthToRow);
        });
    }

    /// <summary>P = softmax(Q·Kᵀ/√HS) over keys up to each row, into p (T×T); Q at q, K C floats after it.</summary>
    static float* Probabilities(float* q, int T, int C, int HS, float* p)
    {
        int ld = 3 * C;
        Gemm.MultiplyCausal(false, true, T, T, HS, q, ld, q + C, ld, p, T, false, GemmCausal.Output);
        float scale = 1f / MathF.Sqrt(HS);
        for (int t = 0; t < T; t++) SimdMath.CausalSoftmax(p + (long)t * T, t + 1, Written(t, T), scale);
        return p;
    }

    /// <summary>Neither reads att nor writes datt: the probabilities and their gradient are recomputed in the
    /// thread's scratch.</summary>
    public override void AttentionBackward(float* dqkv, float* datt, float* dout, float* qkv, float* att,
        int B, int T, int C, int NH)
    {
        int HS = C / NH, ld = 3 * C;
        float scale = 1f / MathF.Sqrt(HS);
        Parallelism.For(B * NH, bh =>
        {
            int b = bh / NH, h = bh % NH;
            float* q = qkv + (long)b * T * ld + h * HS, k = q + C, v = q + 2 * C;
            float* dq = dqkv + (long)b * T * ld + h * HS, dk = dq + C, dv = dq + 2 * C;
            float* d = dout + (long)b * T * C + h * HS;
            float* p = Probabilities(q, T, C, HS, HeadScratch(T));
            float* ds = p + (long)T * T;
            // dP = dO·Vᵀ, then through the softmax: dS = P ⊙ (dP − Σ P ⊙ dP) · scale
            Gemm.MultiplyCausal(false, true, T, T, HS, d, C, v, ld, ds, T, false, GemmCausal.Output);
            for (int t = 0; t < T; t++)
                SimdMath.CausalSoftmaxBackward(p + (long)t * T, ds + (long)t * T, t + 1, Written(t, T), scale);
            // dQ = dS·K over keys up to each query; dV = Pᵀ·dO and dK = dSᵀ·Q over queries from each key on
            Gemm.MultiplyCausal(false, false, T, HS, T, ds, T, k, ld, dq, ld, false, GemmCausal.DepthToRow);
            // (in blocks of KeyBlock keys: packing Pᵀ for all T keys at once scatters each row of P over T/8
            // panels a few KiB apart, which the L1 cache cannot hold; measured 1.2× slower on small)
            for (int c0 = 0; c0 < T; c0 += KeyBlock)
            {
                int c1 = Math.Min(T, c0 + KeyBlock);
                long offset = (long)c0 * T + c0;
                Gemm.MultiplyCausal(true, false, c1 - c0, HS, T - c0, p + offset, T, d + (long)c0 * C, C,
                    dv + (long)c0 * ld, ld, false, GemmCausal.DepthFromRow);
                Gemm.MultiplyCausal(true, false, c1 - c0, HS, T - c0, ds + offset, T, q + (long)c0 * ld, ld,
                    dk + (long)c0 * ld, ld, false, GemmCausal.DepthFromRow);
            }
        });
    }

    public override void RopeForward(float* qkv, float* cos, float* sin, int B, int T, int C, int NH) =>
        Parallelism.For(B * T, bt => RotateRow(qkv + (long)bt * 3 * C, cos, sin, bt % T, C, NH, 1f));

    public override void RopeBackward(float* dqkv, float* cos, float* sin, int B, int T, int C, int NH) =>
        Parallelism.For(B * T, bt => RotateRow(dqkv + (long)bt * 3 * C, cos, sin, bt % T, C, NH, -1f));

    static void RotateRow(float* row, float* cos, float* sin, int t, int C, int NH, float direction)
    {
        int half = C / NH / 2;
        float* c = cos + (long)t * half, s = sin + (long)t * half;
        for (int head = 0; head < 2 * NH; head++) // the NH heads of q, then the NH heads of k
        {
            float* x = row + head * 2 * half;
            for (int i = 0; i < half; i++)
            {
                float x1 = x[i], x2 = x[i + half], si = direction * s[i];
                x[i] = x1 * c[i] - x2 * si;
                x[i + half] = x1 * si + x2 * c[i];
            }
        }
    }
}
