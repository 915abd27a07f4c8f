// Fast causal attention: one (batch, head) pair per parallel index, each a few serial GEMMs over
// row blocks so that work above the causal diagonal is mostly skipped. Q, K and V are read in
// place from qkv (row stride 3C); only the probabilities (B,NH,T,T) are kept for backward. Row t of att is
// written up to the end of its causal block (zeros past t); what lies beyond is never read, and left as it was.

namespace Successor.Tensors.Fast;

public sealed unsafe partial class FastKernels
{
    /// <summary>Rows per causal block: block i attends to keys [0, end of block i).</summary>
    const int CausalBlock = 64;

    public override void AttentionForward(float* output, float* att, float* qkv, int B, int T, int C, int NH)
    {
        int HS = C / NH, ld = 3 * C;
        float scale = 1f / MathF.Sqrt(HS);
        Parallelism.For(B * NH, bh =>
        {
            int b = bh / NH, h = bh % NH;
            float* q = qkv + (long)b * T * ld + h * HS, k = q + C, v = q + 2 * C;
            float* p = att + (long)bh * T * T, o = output + (long)b * T * C + h * HS;
            for (int r0 = 0; r0 < T; r0 += CausalBlock)
            {
                int r1 = Math.Min(T, r0 + CausalBlock);
                Gemm.MultiplySerial(false, true, r1 - r0, r1, HS, q + (long)r0 * ld, ld, k, ld,
                    p + (long)r0 * T, T, false);
                for (int t = r0; t < r1; t++) SimdMath.CausalSoftmax(p + (long)t * T, t + 1, r1, scale);
                Gemm.MultiplySerial(false, false, r1 - r0, HS, r1, p + (long)r0 * T, T, v, ld,
                    o + (long)r0 * C, C, false);
            }
        });
    }

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
            float* p = att + (long)bh * T * T, ds = datt + (long)bh * T * T, d = dout + (long)b * T * C + h * HS;
            for (int r0 = 0; r0 < T; r0 += CausalBlock)
            {
                int r1 = Math.Min(T, r0 + CausalBlock);
                // dP = dO · V^T, then through the softmax: dS = P ⊙ (dP − Σ P ⊙ dP) · scale
                Gemm.MultiplySerial(false, true, r1 - r0, r1, HS, d + (long)r0 * C, C, v, ld,
                    ds + (long)r0 * T, T, false);
                for (int t = r0; t < r1; t++)
                    SimdMath.CausalSoftmaxBackward(p + (long)t * T, ds + (long)t * T, t + 1, r1, scale);
                // dQ += dS · K
                Gemm.MultiplySerial(false, false, r1 - r0, HS, r1, ds + (long)r0 * T, T, k, ld,
                    dq + (long)r0 * ld, ld, true);
            }
            for (int c0 = 0; c0 < T; c0 += CausalBlock)
            {
                int c1 = Math.Min(T, c0 + CausalBlock);
                // keys [c0, c1) are attended by queries [c0, T): dV += P^T · dO, dK += dS^T · Q
                long offset = (long)c0 * T + c0;
                Gemm.MultiplySerial(true, false, c1 - c0, HS, T - c0, p + offset, T, d + (long)c0 * C, C,
                    dv + (long)c0 * ld, ld, true);
                Gemm.MultiplySerial(true, false, c1 - c0, HS, T - c0, ds + offset, T, q + (long)c0 * ld, ld,
                    dk + (long)c0 * ld, ld, true);
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
