// The plain reference kernels: straightforward loops, single-threaded, the oracle that the fast
// kernels and the finite-difference gradient checks are measured against. Legend in IKernels.cs.
namespace Successor.Tensors.Reference;

public unsafe partial class ReferenceKernels : IKernels
{
    public virtual void EncoderForward(float* output, int* tokens, float* wte, float* wpe, int B, int T, int C)
    {
        for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++)
        {
            float* o = output + ((long)b * T + t) * C;
            float* e = wte + (long)tokens[b * T + t] * C;
            for (int c = 0; c < C; c++) o[c] = e[c] + (wpe == null ? 0f : wpe[(long)t * C + c]);
        }
    }

    public virtual void EncoderBackward(float* dwte, float* dwpe, float* dout, int* tokens, int B, int T, int C)
    {
        for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++)
        {
            float* d = dout + ((long)b * T + t) * C;
            float* e = dwte + (long)tokens[b * T + t] * C;
            for (int c = 0; c < C; c++)
            {
                e[c] += d[c];
                if (dwpe != null) dwpe[(long)t * C + c] += d[c];
            }
        }
    }

    public virtual void MatmulForward(float* output, float* input, float* weight, float* bias, int N, int C, int OC)
    {
        for (int n = 0; n < N; n++)
        for (int o = 0; o < OC; o++)
        {
            float sum = bias == null ? 0f : bias[o];
            for (int c = 0; c < C; c++) sum += input[(long)n * C + c] * weight[(long)o * C + c];
            output[(long)n * OC + o] = sum;
        }
    }

    public virtual void MatmulBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input,
        float* weight, int N, int C, int OC)
    {
        for (long i = 0; i < (long)N * C; i++) dinput[i] = 0f;
        for (int n = 0; n < N; n++)
        for (int o = 0; o < OC; o++)
        {
            float d = dout[(long)n * OC + o];
            for (int c = 0; c < C; c++)
            {
                dinput[(long)n * C + c] += d * weight[(long)o * C + c];
                dweight[(long)o * C + c] += d * input[(long)n * C + c];
            }
            if (dbias != null) dbias[o] += d;
        }
    }

    public virtual void ResidualForward(float* output, float* a, float* b, int count)
    {
        for (int i = 0; i < count; i++) output[i] = a[i] + b[i];
    }

    public virtual void ResidualBackward(float* da, float* db, float* dout, int count)
    {
        for (int i = 0; i < count; i++)
        {
            da[i] += dout[i];
            db[i] += dout[i];
        }
    }

    public virtual void DropoutForward(float* output, float* mask, float* input, float p, ulong seed, int count)
    {
        float keep = 1f / (1f - p);
        for (int i = 0; i < count; i++)
        {
            mask[i] = DropoutNoise.Uniform(seed, (ulong)i) < p ? 0f : keep;
            output[i] = input[i] * mask[i];
        }
    }

    public virtual void DropoutBackward(float* dinput, float* dout, float* mask, int count)
    {
        for (int i = 0; i < count; i++) dinput[i] += dout[i] * mask[i];
    }
}
