// Reference LayerNorm (Ba et al. 2016) and RMSNorm (Zhang and Sennrich 2019). Legend in IKernels.cs.
namespace Successor.Tensors.Reference;

public unsafe partial class ReferenceKernels
{
    public const float NormEpsilon = 1e-5f;

    public virtual void LayerNormForward(float* output, float* mean, float* rstd, float* input, float* weight,
        float* bias, int N, int C)
    {
        for (int n = 0; n < N; n++)
        {
            float* x = input + (long)n * C;
            float m = 0f;
            for (int c = 0; c < C; c++) m += x[c];
            m /= C;
            float v = 0f;
            for (int c = 0; c < C; c++) v += (x[c] - m) * (x[c] - m);
            float s = 1f / MathF.Sqrt(v / C + NormEpsilon);
            float* o = output + (long)n * C;
            for (int c = 0; c < C; c++) o[c] = (x[c] - m) * s * weight[c] + (bias == null ? 0f : bias[c]);
            mean[n] = m;
            rstd[n] = s;
        }
    }

    public virtual void LayerNormBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input,
        float* weight, float* mean, float* rstd, int N, int C)
    {
        for (int n = 0; n < N; n++)
        {
            float* x = input + (long)n * C, d = dout + (long)n * C, dx = dinput + (long)n * C;
            float m = mean[n], s = rstd[n];
            // dxhat = dout * weight; dx = s * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat))
            float sumD = 0f, sumDX = 0f;
            for (int c = 0; c < C; c++)
            {
                float xhat = (x[c] - m) * s, dxhat = d[c] * weight[c];
                sumD += dxhat;
                sumDX += dxhat * xhat;
            }
            sumD /= C;
            sumDX /= C;
            for (int c = 0; c < C; c++)
            {
                float xhat = (x[c] - m) * s, dxhat = d[c] * weight[c];
                dx[c] += s * (dxhat - sumD - xhat * sumDX);
                dweight[c] += d[c] * xhat;
                if (dbias != null) dbias[c] += d[c];
            }
        }
    }

    public virtual void RmsNormForward(float* output, float* rstd, float* input, float* weight, int N, int C)
    {
        for (int n = 0; n < N; n++)
        {
            float* x = input + (long)n * C, o = output + (long)n * C;
            float ss = 0f;
            for (int c = 0; c < C; c++) ss += x[c] * x[c];
            float s = 1f / MathF.Sqrt(ss / C + NormEpsilon);
            for (int c = 0; c < C; c++) o[c] = x[c] * s * weight[c];
            rstd[n] = s;
        }
    }

    public virtual void RmsNormBackward(float* dinput, float* dweight, float* dout, float* input, float* weight,
        float* rstd, int N, int C)
    {
        for (int n = 0; n < N; n++)
        {
            float* x = input + (long)n * C, d = dout + (long)n * C, dx = dinput + (long)n * C;
            float s = rstd[n];
            // dx = s * dxhat - x * s^3 * mean(dxhat * x), with dxhat = dout * weight
            float dot = 0f;
            for (int c = 0; c < C; c++) dot += d[c] * weight[c] * x[c];
            dot /= C;
            for (int c = 0; c < C; c++)
            {
                dx[c] += s * d[c] * weight[c] - x[c] * s * s * s * dot;
                dweight[c] += d[c] * x[c] * s;
            }
        }
    }
}
