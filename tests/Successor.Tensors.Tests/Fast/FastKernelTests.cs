// The fast kernels against the reference kernels on awkward shapes (sizes that are not multiples of
// any block or vector width), and bitwise identical for any thread count.
using Successor.Tensors.Fast;
using Successor.Tensors.Reference;

namespace Successor.Tensors.Tests.Fast;

[Collection("Parallelism")]
public sealed unsafe class FastKernelTests
{
    /// <summary>Runs forward then backward with the given kernels on seeded inputs; returns outputs and
    /// gradients.</summary>
    delegate float[][] Scenario(IKernels k, NativeBuffers m);

    static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["encoder"] = (k, m) =>
        {
            const int B = 3, T = 17, C = 40, V = 50;
            int* tokens = m.Ints(B * T, V);
            float* wte = m.Random(V * C), wpe = m.Random(T * C), o = m.Zeros(B * T * C), d = m.Random(B * T * C);
            float* dwte = m.Zeros(V * C), dwpe = m.Zeros(T * C);
            k.EncoderForward(o, tokens, wte, wpe, B, T, C);
            k.EncoderBackward(dwte, dwpe, d, tokens, B, T, C);
            return [A(o, B * T * C), A(dwte, V * C), A(dwpe, T * C)];
        },
        ["matmul"] = (k, m) => Matmul(k, m, 37, 45, 29),
        // Large enough for each product to be split over threads when not paired (2 threads side by side).
        ["matmul, gradients side by side"] = (k, m) =>
        {
            long saved = FastKernels.PairedProductWork;
            FastKernels.PairedProductWork = 0;
            try { return Matmul(k, m, 203, 77, 150); }
            finally { FastKernels.PairedProductWork = saved; }
        },
        ["layernorm"] = (k, m) =>
        {
            const int N = 37, C = 70;
            float* x = m.Random(N * C, 3f), w = m.Random(C), b = m.Random(C), o = m.Zeros(N * C),
                mean = m.Zeros(N), rstd = m.Zeros(N);
            float* d = m.Random(N * C), dx = m.Random(N * C), dw = m.Zeros(C), db = m.Zeros(C);
            k.LayerNormForward(o, mean, rstd, x, w, b, N, C);
            k.LayerNormBackward(dx, dw, db, d, x, w, mean, rstd, N, C);
            return [A(o, N * C), A(mean, N), A(rstd, N), A(dx, N * C), A(dw, C), A(db, C)];
        },
        ["rmsnorm"] = (k, m) =>
        {
            const int N = 37, C = 70;
            float* x = m.Random(N * C, 3f), w = m.Random(C), o = m.Zeros(N * C), rstd = m.Zeros(N);
            float* d = m.Random(N * C), dx = m.Random(N * C), dw = m.Zeros(C);
            k.RmsNormForward(o, rstd, x, w, N, C);
            k.RmsNormBackward(dx, dw, d, x, w, rstd, N, C);
            return [A(o, N * C), A(rstd, N), A(dx, N * C), A(dw, C)];
        },
        ["gelu"] = (k, m) => Elementwise(m, k.GeluForward, k.GeluBackward),
        ["relu2"] = (k, m) => Elementwise(m, k.ReluSquaredForward, k.ReluSquaredBackward),
        ["swiglu"] = (k, m) =>
        {
            const int N = 9, H = 70;
            float* x = m.Random(N * 2 * H, 4f), o = m.Zeros(N * H), d = m.Random(N * H), dx = m.Random(N * 2 * H);
            k.SwiGluForward(o, x, N, H);
            k.SwiGluBackward(dx, x, d, N, H);
            return [A(o, N * H), A(dx, N * 2 * H)];
        },
        ["attention T=70"] = (k, m) => Attention(k, m, B: 2, T: 70, C: 24, NH: 3),
        ["attention T=130"] = (k, m) => Attention(k, m, B: 1, T: 130, C: 32, NH: 2),
        ["rope"] = (k, m) =>
        {
            const int B = 2, T = 9, C = 24, NH = 3, Half = C / NH / 2;
            float* qkv = m.Random(B * T * 3 * C), cos = m.Random(T * Half), sin = m.Random(T * Half),
                d = m.Random(B * T * 3 * C);
            k.RopeForward(qkv, cos, sin, B, T, C, NH);
            k.RopeBackward(d, cos, sin, B, T, C, NH);
            return [A(qkv, B * T * 3 * C), A(d, B * T * 3 * C)];
        },
        ["cross-entropy"] = (k, m) =>
        {
            const int N = 33, V = 300;
            float* logits = m.Random(N * V, 5f), losses = m.Zeros(N), losses2 = m.Zeros(N);
            int* targets = m.Ints(N, V);
            targets[4] = -1;
            k.CrossEntropyForward(losses, logits, targets, N, V);
            k.CrossEntropyForwardBackward(losses2, logits, logits, targets, 0.5f, N, V); // in place
            return [A(losses, N), A(losses2, N), A(logits, N * V)];
        },
        ["distillation"] = (k, m) =>
        {
            const int N = 33, V = 300;
            float* logits = m.Random(N * V, 5f), teacher = m.Random(N * V, 5f), losses = m.Zeros(N);
            int* targets = m.Ints(N, V);
            targets[7] = -1;
            k.DistillationForwardBackward(losses, logits, logits, teacher, targets, 0.3f, 0.5f, N, V); // in place
            return [A(losses, N), A(logits, N * V)];
        },
        ["residual and dropout"] = (k, m) =>
        {
            const int Count = 40001;
            float* a = m.Random(Count), b = m.Random(Count), o = m.Zeros(Count), mask = m.Zeros(Count),
                o2 = m.Zeros(Count);
            float* d = m.Random(Count), da = m.Random(Count), db = m.Random(Count), dx = m.Random(Count);
            k.ResidualForward(o, a, b, Count);
            k.ResidualBackward(da, db, d, Count);
            k.DropoutForward(o2, mask, a, 0.3f, 7, Count);
            k.DropoutBackward(dx, d, mask, Count);
            return [A(o, Count), A(da, Count), A(db, Count), A(mask, Count), A(o2, Count), A(dx, Count)];
        },
    };

    public static TheoryData<string> Names => [.. Scenarios.Keys];

    static float[][] Matmul(IKernels k, NativeBuffers m, int N, int C, int OC)
    {
        float* x = m.Random(N * C), w = m.Random(OC * C), b = m.Random(OC), o = m.Zeros(N * OC),
            d = m.Random(N * OC);
        float* dx = m.Random(N * C), dw = m.Random(OC * C), db = m.Random(OC); // nonzero: dw, db add; dx is written
        k.MatmulForward(o, x, w, b, N, C, OC);
        k.MatmulBackward(dx, dw, db, d, x, w, N, C, OC);
        return [A(o, N * OC), A(dx, N * C), A(dw, OC * C), A(db, OC)];
    }

    static float[] A(float* p, long count) => NativeBuffers.ToArray(p, count);

    static float[][] Elementwise(NativeBuffers m, ElementwiseForward forward, ElementwiseBackward backward)
    {
        const int Count = 5003;
        float* x = m.Random(Count, 4f), o = m.Zeros(Count), d = m.Random(Count), dx = m.Random(Count);
        forward(o, x, Count);
        backward(dx, x, d, Count);
        return [A(o, Count), A(dx, Count)];
    }

    delegate void ElementwiseForward(float* output, float* input, int count);
    delegate void ElementwiseBackward(float* dinput, float* input, float* dout, int count);

    static float[][] Attention(IKernels k, NativeBuffers m, int B, int T, int C, int NH)
    {
        // att and datt start as noise: what the kernels keep there is their own (the fast ones keep nothing and
        // recompute the probabilities), so only the output and the gradients are compared.
        float* qkv = m.Random(B * T * 3 * C), o = m.Zeros(B * T * C), att = m.Random(B * NH * T * T);
        float* d = m.Random(B * T * C), dqkv = m.Random(B * T * 3 * C), datt = m.Random(B * NH * T * T);
        k.AttentionForward(o, att, qkv, B, T, C, NH);
        k.AttentionBackward(dqkv, datt, d, qkv, att, B, T, C, NH);
        return [A(o, B * T * C), A(dqkv, B * T * 3 * C)];
    }

    static float[][] Run(string name, IKernels kernels, int threads)
    {
        int saved = Parallelism.Threads;
        try
        {
            Parallelism.Threads = threads;
            // stable across processes, unlike string.GetHashCode
            using var m = new NativeBuffers(name.Length * 7919 + name[0]);
            return Scenarios[name](kernels, m);
        }
        finally { Parallelism.Threads = saved; }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fast_kernel_matches_the_reference(string name)
    {
        var expected = Run(name, new ReferenceKernels(), 1);
        var actual = Run(name, new FastKernels(), 2);
        for (int r = 0; r < expected.Length; r++)
        for (int i = 0; i < expected[r].Length; i++)
        {
            float e = expected[r][i], a = actual[r][i];
            Assert.True(MathF.Abs(e - a) <= 1e-4f * MathF.Max(1f, MathF.Abs(e)),
                $"{name} result {r} [{i}]: reference {e:G9}, fast {a:G9}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fast_kernel_is_bitwise_identical_for_any_thread_count(string name)
    {
        var one = Run(name, new FastKernels(), 1);
        foreach (int threads in new[] { 2, 3, 7 })
        {
            var many = Run(name, new FastKernels(), threads);
            for (int r = 0; r < one.Length; r++) Assert.Equal(one[r], many[r]);
        }
    }
}
