// Reference activations: GELU (tanh form, as GPT-2), ReLU squared, SwiGLU. Legend in IKernels.cs.
namespace Successor.Tensors.Reference;

public unsafe partial class ReferenceKernels
{
    /// <summary>sqrt(2/pi), the GELU tanh-approximation constant.</summary>
    public const float GeluScale = 0.7978845608028654f;
    public const float GeluCubic = 0.044715f;

    public virtual void GeluForward(float* output, float* input, int count)
    {
        for (int i = 0; i < count; i++)
        {
            float x = input[i];
            output[i] = 0.5f * x * (1f + MathF.Tanh(GeluScale * (x + GeluCubic * x * x * x)));
        }
    }

    public virtual void GeluBackward(float* dinput, float* input, float* dout, int count)
    {
        for (int i = 0; i < count; i++)
        {
            float x = input[i];
            float t = MathF.Tanh(GeluScale * (x + GeluCubic * x * x * x));
            float dt = (1f - t * t) * GeluScale * (1f + 3f * GeluCubic * x * x);
            dinput[i] = dout[i] * (0.5f * (1f + t) + 0.5f * x * dt);
        }
    }

    public virtual void ReluSquaredForward(float* output, float* input, int count)
    {
        for (int i = 0; i < count; i++)
        {
            float r = MathF.Max(input[i], 0f);
            output[i] = r * r;
        }
    }

    public virtual void ReluSquaredBackward(float* dinput, float* input, float* dout, int count)
    {
        for (int i = 0; i < count; i++) dinput[i] = dout[i] * 2f * MathF.Max(input[i], 0f);
    }

    public virtual void SwiGluForward(float* output, float* input, int N, int H)
    {
        for (int n = 0; n < N; n++)
        {
            float* gate = input + (long)n * 2 * H, up = gate + H, o = output + (long)n * H;
            for (int h = 0; h < H; h++) o[h] = gate[h] / (1f + MathF.Exp(-gate[h])) * up[h];
        }
    }

    public virtual void SwiGluBackward(float* dinput, float* input, float* dout, int N, int H)
    {
        for (int n = 0; n < N; n++)
        {
            float* gate = input + (long)n * 2 * H, up = gate + H, d = dout + (long)n * H;
            float* dgate = dinput + (long)n * 2 * H, dup = dgate + H;
            for (int h = 0; h < H; h++)
            {
                float g = gate[h], sig = 1f / (1f + MathF.Exp(-g));
                dgate[h] = d[h] * up[h] * sig * (1f + g * (1f - sig));
                dup[h] = d[h] * g * sig;
            }
        }
    }
}
