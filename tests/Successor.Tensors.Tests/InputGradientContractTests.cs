// The IKernels contract on input gradients: matmul, activation and attention backward WRITE dinput (the model no
// longer zeroes it first), the norms ADD into it (the residual stream's gradient has several sources). Each case
// runs backward twice, once into zeros and once into noise, for both kernel sets.
using Successor.Tensors.Fast;
using Successor.Tensors.Reference;

namespace Successor.Tensors.Tests;

public sealed unsafe class InputGradientContractTests
{
    delegate void Backward(IKernels k, NativeBuffers m, float* dinput);

    static readonly Dictionary<string, (long Count, Backward Run)> Written = new()
    {
        ["matmul"] = (7 * 9, (k, m, dx) => k.MatmulBackward(dx, m.Zeros(5 * 9), m.Zeros(5), m.Random(7 * 5),
            m.Random(7 * 9), m.Random(5 * 9), 7, 9, 5)),
        ["gelu"] = (37, (k, m, dx) => k.GeluBackward(dx, m.Random(37, 3f), m.Random(37), 37)),
        ["relu2"] = (37, (k, m, dx) => k.ReluSquaredBackward(dx, m.Random(37, 3f), m.Random(37), 37)),
        ["swiglu"] = (3 * 2 * 20, (k, m, dx) =>
            k.SwiGluBackward(dx, m.Random(3 * 2 * 20, 3f), m.Random(3 * 20), 3, 20)),
        ["attention"] = (2 * 70 * 3 * 24, (k, m, dx) =>
        {
            float* qkv = m.Random(2 * 70 * 3 * 24), att = m.Zeros(2 * 3 * 70 * 70);
            k.AttentionForward(m.Zeros(2 * 70 * 24), att, qkv, 2, 70, 24, 3);
            k.AttentionBackward(dx, m.Zeros(2 * 3 * 70 * 70), m.Random(2 * 70 * 24), qkv, att, 2, 70, 24, 3);
        }),
    };

    public static TheoryData<string, bool> Cases
    {
        get
        {
            var cases = new TheoryData<string, bool>();
            foreach (string name in Written.Keys)
            {
                cases.Add(name, false);
                cases.Add(name, true);
            }
            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_writes_the_input_gradient_whatever_it_held(string name, bool fast)
    {
        var (count, run) = Written[name];
        float[] fromZeros = Run(fast, count, run, noise: false), fromNoise = Run(fast, count, run, noise: true);
        Assert.Equal(fromZeros, fromNoise);
        Assert.Contains(fromZeros, v => v != 0f);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Layernorm_backward_adds_into_the_input_gradient(bool fast)
    {
        const int N = 5, C = 16;
        Backward run = (k, m, dx) =>
        {
            float* x = m.Random(N * C, 3f), w = m.Random(C), mean = m.Zeros(N), rstd = m.Zeros(N);
            k.LayerNormForward(m.Zeros(N * C), mean, rstd, x, w, m.Random(C), N, C);
            k.LayerNormBackward(dx, m.Zeros(C), m.Zeros(C), m.Random(N * C), x, w, mean, rstd, N, C);
        };
        float[] fromZeros = Run(fast, N * C, run, noise: false), fromNoise = Run(fast, N * C, run, noise: true);
        using var m = new NativeBuffers(99);
        float[] noise = NativeBuffers.ToArray(m.Random(N * C), N * C);
        for (int i = 0; i < N * C; i++) Assert.Equal(noise[i] + fromZeros[i], fromNoise[i], 1e-5f);
    }

    // The same seeds either way, so the operands match; the noise comes from a buffer set of its own (seed 99).
    static float[] Run(bool fast, long count, Backward run, bool noise)
    {
        IKernels k = fast ? new FastKernels() : new ReferenceKernels();
        using var m = new NativeBuffers(7);
        using var n = new NativeBuffers(99);
        float* dinput = noise ? n.Random(count) : m.Zeros(count);
        run(k, m, dinput);
        return NativeBuffers.ToArray(dinput, count);
    }
}
