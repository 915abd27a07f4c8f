// `kernels`: every non-GEMM kernel of a training step at the "baby" and "small" shapes, fast against
// reference, in ms per call (median and fastest decile, interleaved so load falls on both alike).
//   dotnet run -c Release --project bench/Successor.Bench -- kernels [--threads N] [--seconds S]
using System.Runtime.InteropServices;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Tensors.Reference;

namespace Successor.Bench;

public static unsafe class KernelBenchmark
{
    public static int Run(string[] args)
    {
        int threads = Option(args, "--threads", 2);
        double seconds = Option(args, "--seconds", 1.0);
        Parallelism.Threads = threads;
        IKernels fast = new FastKernels(), reference = new ReferenceKernels();
        Console.WriteLine($"kernels, {threads} threads; ms per call: fast median / fastest decile vs reference median");
        foreach (var (name, B, T, C, NH) in new[] { ("baby", 12, 64, 128, 4), ("small", 8, 256, 384, 6) })
        {
            int N = B * T, H = 4 * C, V = 256;
            var arena = new FloatArena(16L * N * H + 4L * B * NH * T * T);
            var rng = new Rng(1);
            for (long i = 0; i < arena.Length; i++) arena.Pointer[i] = (float)(rng.NextDouble() - 0.5);
            float* p = arena.Pointer;
            float* x = p, o = x + N * H, d = o + N * H, dx = d + N * H, w = dx + N * H, b = w + H, mean = b + H,
                rstd = mean + N;
            float* qkv = rstd + N + 16, att = qkv + 3L * N * C, datt = att + (long)B * NH * T * T,
                dqkv = datt + (long)B * NH * T * T;
            var targets = (int*)NativeMemory.Alloc((nuint)(N * sizeof(int)));
            for (int i = 0; i < N; i++) targets[i] = rng.NextInt(V);
            var cases = new (string, Action<IKernels>)[]
            {
                ("layernorm.forward", k => k.LayerNormForward(o, mean, rstd, x, w, b, N, C)),
                ("layernorm.backward", k => k.LayerNormBackward(dx, w, b, d, x, w, mean, rstd, N, C)),
                ("gelu.forward", k => k.GeluForward(o, x, N * H)),
                ("gelu.backward", k => k.GeluBackward(dx, x, d, N * H)),
                ("attention.forward", k => k.AttentionForward(o, att, qkv, B, T, C, NH)),
                ("attention.backward", k => k.AttentionBackward(dqkv, datt, d, qkv, att, B, T, C, NH)),
                ("residual.forward", k => k.ResidualForward(o, x, d, N * C)),
                ("cross_entropy.forward_backward", k => k.CrossEntropyForwardBackward(o, dx, x, targets, 1f / N, N, V)),
            };
            foreach (var (label, call) in cases)
            {
                var r = Timing.Interleaved([() => call(fast), () => call(reference)], seconds);
                Console.WriteLine($"{name,-6} {label,-32} {r[0].MedianMs,9:0.000} / {r[0].FastMs,9:0.000}   ref " +
                    $"{r[1].MedianMs,9:0.000}   ×{r[1].MedianMs / r[0].MedianMs,6:0.0}");
            }
            NativeMemory.Free(targets);
            arena.Dispose();
        }
        return 0;
    }

    static T Option<T>(string[] args, string name, T fallback) where T : IParsable<T>
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? T.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)
            : fallback;
    }
}
