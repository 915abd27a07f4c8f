// The fast kernels: the reference kernels' arithmetic, vectorised with TensorPrimitives and the
// packed GEMM, and spread over Parallelism.Threads. Each parallel index owns its outputs, and
// reductions over rows are split by column, so results do not depend on the thread count.
// Legend in IKernels.cs.
using System.Numerics.Tensors;
using Successor.Tensors.Reference;

namespace Successor.Tensors.Fast;

public sealed unsafe partial class FastKernels : ReferenceKernels
{
    /// <summary>Elementwise work is split into chunks of this many values per parallel index.</summary>
    const int Chunk = 16384;

    /// <summary>Column block for reductions over rows (weight and bias gradients).</summary>
    const int ColumnBlock = 64;

    static Span<float> Row(float* p, long row, int width) => new(p + row * width, width);

    /// <summary>Runs body(start, length) over [0, count) in fixed chunks, in parallel.</summary>
    static void Elementwise(int count, Action<int, int> body) =>
        Parallelism.For((count + Chunk - 1) / Chunk, i => body(i * Chunk, Math.Min(Chunk, count - i * Chunk)));

    /// <summary>sums[c] += Σ_n rows[n, c] for a (N, C) matrix, split over column blocks.</summary>
    static void AddColumnSums(float* sums, float* rows, int N, int C) =>
        Parallelism.For((C + ColumnBlock - 1) / ColumnBlock, j =>
        {
            int c0 = j * ColumnBlock, width = Math.Min(ColumnBlock, C - c0);
            var acc = new Span<float>(sums + c0, width);
            for (int n = 0; n < N; n++)
                TensorPrimitives.Add(acc, new ReadOnlySpan<float>(rows + (long)n * C + c0, width), acc);
        });

    public override void EncoderForward(float* output, int* tokens, float* wte, float* wpe, int B, int T, int C) =>
        Parallelism.For(B * T, bt =>
        {
            var e = Row(wte, tokens[bt], C);
            if (wpe == null) e.CopyTo(Row(output, bt, C));
            else TensorPrimitives.Add(e, Row(wpe, bt % T, C), Row(output, bt, C));
        });

    public override void MatmulForward(float* output, float* input, float* weight, float* bias, int N, int C, int OC)
        => Gemm.Multiply(false, true, N, OC, C, input, C, weight, C, output, OC, false, bias);

    /// <summary>Multiply-adds per gradient product from which MatmulBackward runs the two side by side (small's
    /// smallest is 302 M, baby's largest 50 M); tests lower it.</summary>
    internal static long PairedProductWork { get; set; } = 1L << 27;

    public override void MatmulBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input,
        float* weight, int N, int C, int OC)
    {
        if (dinput != null && Parallelism.Threads == 2 && (long)N * C * OC >= PairedProductWork)
        {
            // The input gradient and the weight gradient (as much arithmetic each) side by side, a whole product
            // per thread: a thread then reuses each packed panel of op(B) for every row of its product, where two
            // threads sharing one product split its rows (a weight gradient has few) and pass its packed op(B)
            // through the cache. Measured 1.08× on small's four layer shapes; on baby's (below PairedProductWork)
            // the split products balance better. With more threads, each product takes them all in turn (the
            // workers run one loop at a time, so the two cannot split them).
            Parallelism.For(2, 1, 2, i =>
            {
                if (i == 0) Gemm.MultiplySerial(false, false, N, C, OC, dout, OC, weight, C, dinput, C, false);
                else Gemm.MultiplySerial(true, false, OC, C, N, dout, OC, input, C, dweight, C, true);
            });
        }
        else
        {
            if (dinput != null) Gemm.Multiply(false, false, N, C, OC, dout, OC, weight, C, dinput, C, false);
            Gemm.Multiply(true, false, OC, C, N, dout, OC, input, C, dweight, C, true);
        }
        if (dbias != null) AddColumnSums(dbias, dout, N, OC);
    }

    public override void ResidualForward(float* output, float* a, float* b, int count) =>
        Elementwise(count, (s, n) =>
            TensorPrimitives.Add(new ReadOnlySpan<float>(a + s, n), new ReadOnlySpan<float>(b + s, n),
                new Span<float>(output + s, n)));

    public override void ResidualBackward(float* da, float* db, float* dout, int count) =>
        Elementwise(count, (s, n) =>
        {
            var d = new ReadOnlySpan<float>(dout + s, n);
            TensorPrimitives.Add(new ReadOnlySpan<float>(da + s, n), d, new Span<float>(da + s, n));
            TensorPrimitives.Add(new ReadOnlySpan<float>(db + s, n), d, new Span<float>(db + s, n));
        });

    public override void DropoutForward(float* output, float* mask, float* input, float p, ulong seed, int count)
    {
        float keep = 1f / (1f - p);
        Elementwise(count, (s, n) =>
        {
            for (int i = s; i < s + n; i++) mask[i] = DropoutNoise.Uniform(seed, (ulong)i) < p ? 0f : keep;
            TensorPrimitives.Multiply(new ReadOnlySpan<float>(input + s, n), new ReadOnlySpan<float>(mask + s, n),
                new Span<float>(output + s, n));
        });
    }

    public override void DropoutBackward(float* dinput, float* dout, float* mask, int count) =>
        Elementwise(count, (s, n) => TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(dout + s, n),
            new ReadOnlySpan<float>(mask + s, n), new ReadOnlySpan<float>(dinput + s, n),
                new Span<float>(dinput + s, n)));
}
