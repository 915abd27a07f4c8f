// Reference causal self-attention (Vaswani et al. 2017) and rotary positions, plainly looped over
// (b, head, t). Legend in IKernels.cs.
namespace Successor.Tensors.Reference;

public unsafe partial class ReferenceKernels
{
    /// <summary>The probabilities of every head: B·NH·T·T.</summary>
    public virtual long AttentionStateLength(int B, int NH, int T) => (long)B * NH * T * T;

    public virtual void AttentionForward(float* output, float* att, float* qkv, int B, int T, int C, int NH)
    {
        int HS = C / NH;
        float scale = 1f / MathF.Sqrt(HS);
        for (int b = 0; b < B; b++)
        for (int h = 0; h < NH; h++)
        for (int t = 0; t < T; t++)
        {
            float* q = qkv + ((long)b * T + t) * 3 * C + h * HS;
            float* row = att + (((long)b * NH + h) * T + t) * T;
            float max = float.NegativeInfinity;
            for (int u = 0; u <= t; u++)
            {
                float* k = qkv + ((long)b * T + u) * 3 * C + C + h * HS;
                float dot = 0f;
                for (int i = 0; i < HS; i++) dot += q[i] * k[i];
                row[u] = dot * scale;
                max = MathF.Max(max, row[u]);
            }
            float sum = 0f;
            for (int u = 0; u <= t; u++)
            {
                row[u] = MathF.Exp(row[u] - max);
                sum += row[u];
            }
            for (int u = 0; u < T; u++) row[u] = u <= t ? row[u] / sum : 0f;
            float* o = output + ((long)b * T + t) * C + h * HS;
            for (int i = 0; i < HS; i++) o[i] = 0f;
            for (int u = 0; u <= t; u++)
            {
                float* v = qkv + ((long)b * T + u) * 3 * C + 2 * C + h * HS;
                for (int i = 0; i < HS; i++) o[i] += row[u] * v[i];
            }
        }
    }

    public virtual void AttentionBackward(float* dqkv, float* datt, float* dout, float* qkv, float* att,
        int B, int T, int C, int NH)
    {
        int HS = C / NH;
        float scale = 1f / MathF.Sqrt(HS);
        for (long i = 0; i < (long)B * T * 3 * C; i++) dqkv[i] = 0f;
        for (int b = 0; b < B; b++)
        for (int h = 0; h < NH; h++)
        for (int t = 0; t < T; t++)
        {
            float* row = att + (((long)b * NH + h) * T + t) * T;
            float* drow = datt + (((long)b * NH + h) * T + t) * T;
            float* d = dout + ((long)b * T + t) * C + h * HS;
            // through out = att · v
            for (int u = 0; u <= t; u++)
            {
                float* v = qkv + ((long)b * T + u) * 3 * C + 2 * C + h * HS;
                float* dv = dqkv + ((long)b * T + u) * 3 * C + 2 * C + h * HS;
                float dot = 0f;
                for (int i = 0; i < HS; i++)
                {
                    dot += d[i] * v[i];
                    dv[i] += row[u] * d[i];
                }
                drow[u] = dot;
            }
            // through softmax: dscore = p * (dp - sum(p * dp))
            float pd = 0f;
            for (int u = 0; u <= t; u++) pd += row[u] * drow[u];
            float* q = qkv + ((long)b * T + t) * 3 * C + h * HS;
            float* dq = dqkv + ((long)b * T + t) * 3 * C + h * HS;
            for (int u = 0; u <= t; u++)
            {
                float ds = row[u] * (drow[u] - pd) * scale;
                float* k = qkv + ((long)b * T + u) * 3 * C + C + h * HS;
                float* dk = dqkv + ((long)b * T + u) * 3 * C + C + h * HS;
                for (int i = 0; i < HS; i++)
                {
                    dq[i] += ds * k[i];
                    dk[i] += ds * q[i];
                }
            }
        }
    }

    public virtual void RopeForward(float* qkv, float* cos, float* sin, int B, int T, int C, int NH) =>
        Rotate(qkv, cos, sin, B, T, C, NH, 1f);

    public virtual void RopeBackward(float* dqkv, float* cos, float* sin, int B, int T, int C, int NH) =>
        Rotate(dqkv, cos, sin, B, T, C, NH, -1f);

    /// <summary>Rotates each (i, i+HS/2) pair of q and k by +angle (forward) or −angle (the transpose,
    /// backward).</summary>
    static void Rotate(float* qkv, float* cos, float* sin, int B, int T, int C, int NH, float direction)
    {
        int HS = C / NH, half = HS / 2;
        for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++)
        for (int part = 0; part < 2; part++)
        for (int h = 0; h < NH; h++)
        {
            float* x = qkv + ((long)b * T + t) * 3 * C + part * C + h * HS;
            for (int i = 0; i < half; i++)
            {
                float c = cos[t * half + i], s = direction * sin[t * half + i];
                float x1 = x[i], x2 = x[i + half];
                x[i] = x1 * c - x2 * s;
                x[i + half] = x1 * s + x2 * c;
            }
        }
    }
}
