// Gemm against the GemmReference oracle: every transpose combination, awkward shapes and strides, accumulate
// semantics, NaN in C, zero sizes, and bitwise determinism across thread counts — run for every micro-kernel
// this CPU supports (the portable one always included), plus one with tiny blocks so that small matrices
// cross every MC/KC/NC boundary.
using Successor.Tensors.Fast;
using Successor.Tensors.Reference;

namespace Successor.Tensors.Tests.Fast;

[Collection("Parallelism")]
public sealed unsafe class GemmTests
{
    static readonly (int M, int N, int K)[] AwkwardShapes =
    [
        (1, 1, 1), (1, 17, 5), (5, 1, 9), (7, 33, 13), (33, 7, 257), (15, 31, 3), (64, 64, 64),
        (130, 70, 400), (257, 65, 129), (29, 100, 800), (6, 16, 1), (14, 32, 2),
    ];

    public static TheoryData<bool, bool> TransposeCombinations =>
        new() { { false, false }, { false, true }, { true, false }, { true, true } };

    static IEnumerable<GemmKernel> Kernels()
    {
        foreach (GemmKernel kern in GemmKernel.Supported()) yield return kern;
        yield return GemmKernel.Best() with { Name = "tiny-blocks", MC = 2 * GemmKernel.Best().MR, KC = 16,
            NC = 2 * GemmKernel.Best().NR };
    }

    [Theory]
    [MemberData(nameof(TransposeCombinations))]
    public void MultiplyMatchesTheReferenceOnAwkwardShapesAndStridesWithEveryKernel(bool transA, bool transB)
    {
        var rng = new Random(1234);
        foreach (GemmKernel kern in Kernels())
            foreach (var (m, n, k) in AwkwardShapes)
                foreach (bool accumulate in new[] { false, true })
                    WithKernel(kern, () => CheckAgainstReference(rng, transA, transB, m, n, k, pad: (m + n + k) % 4,
                        accumulate, kern.Name));
    }

    [Fact]
    public void NaNInTheOutputIsOverwrittenWhenNotAccumulating()
    {
        var rng = new Random(7);
        foreach (GemmKernel kern in Kernels())
            WithKernel(kern, () =>
            {
                var p = Problem.Create(rng, false, true, 37, 45, 70, pad: 2);
                for (int i = 0; i < p.M; i++) p.C.AsSpan(i * p.Ldc, p.N).Fill(float.NaN);
                Array.Copy(p.C, p.InitialC, p.C.Length);
                float[] expected = p.Reference(accumulate: false);
                p.Fast(accumulate: false, serial: false);
                for (int i = 0; i < p.M; i++)
                    for (int j = 0; j < p.N; j++)
                        Assert.True(float.IsFinite(p.C[i * p.Ldc + j]),
                            $"{kern.Name}: C[{i},{j}] = {p.C[i * p.Ldc + j]} kept old NaN");
                p.AssertClose(expected, accumulate: false, kern.Name);
            });
    }

    [Fact]
    public void AccumulateAddsTheProductToTheExistingOutput()
    {
        var p = Problem.Create(new Random(11), true, false, 20, 24, 30, pad: 1);
        float[] before = (float[])p.C.Clone();
        p.Fast(accumulate: false, serial: true);
        float[] product = (float[])p.C.Clone();
        Array.Copy(before, p.C, before.Length);
        p.Fast(accumulate: true, serial: true);
        for (int i = 0; i < p.M; i++)
            for (int j = 0; j < p.N; j++)
            {
                int at = i * p.Ldc + j;
                Assert.Equal(before[at] + product[at], p.C[at], 1e-4f);
            }
    }

    [Theory]
    [InlineData(0, 5, 7)]
    [InlineData(5, 0, 7)]
    [InlineData(0, 0, 0)]
    public void EmptyOutputShapesLeaveMemoryUntouched(int m, int n, int k)
    {
        float[] c = [42f, 43f];
        fixed (float* pc = c)
        {
            Gemm.Multiply(false, false, m, n, k, null, Math.Max(k, 1), null, Math.Max(n, 1), pc, Math.Max(n, 1), false);
            Gemm.MultiplySerial(true, true, m, n, k, null, Math.Max(m, 1), null, Math.Max(k, 1), pc, Math.Max(n, 1),
                true);
        }
        Assert.Equal([42f, 43f], c);
    }

    [Fact]
    public void AnEmptySumGivesZeroOrLeavesTheOutputWhenAccumulating()
    {
        float[] c = [1f, float.NaN, 3f, 4f, 99f, 5f, 6f, 7f];
        fixed (float* pc = c)
        {
            Gemm.Multiply(false, false, 2, 3, 0, null, 1, null, 3, pc, 4, true);
            Assert.Equal([1f, float.NaN, 3f, 4f, 99f, 5f, 6f, 7f], c);
            Gemm.Multiply(false, false, 2, 3, 0, null, 1, null, 3, pc, 4, false);
        }
        Assert.Equal([0f, 0f, 0f, 4f, 0f, 0f, 0f, 7f], c);
    }

    [Theory]
    [MemberData(nameof(TransposeCombinations))]
    public void ResultsAreBitwiseIdenticalForAnyThreadCountAndForMultiplySerial(bool transA, bool transB)
    {
        int saved = Parallelism.Threads;
        long savedBudget = GemmParallel.PackedBudget;
        try
        {
            // Tall (split by rows) and wide (split by columns too); k crosses several depth blocks; with every
            // kernel, and with tiny blocks so that the shared packed B crosses many depth blocks and panels; the
            // packed B whole, a depth block at a time, and in chunks of a few blocks with a shorter last one.
            var shapes = new[] { (203, 77, 900), (45, 301, 800) };
            long[] budgets = [GemmParallel.PackedBudget, 1, 20_000];
            foreach (var (kern, (m, n, k)) in Kernels().SelectMany(kern => shapes.Select(shape => (kern, shape))))
            {
                Gemm.Kernel = kern;
                var p = Problem.Create(new Random(m + n), transA, transB, m, n, k, pad: 3);
                float[] start = (float[])p.C.Clone();
                p.Fast(accumulate: true, serial: true);
                float[] serial = (float[])p.C.Clone();
                foreach (int threads in new[] { 1, 2, 3, 5, 8 })
                    foreach (long budget in budgets)
                    {
                        Parallelism.Threads = threads;
                        GemmParallel.PackedBudget = budget;
                        Array.Copy(start, p.C, start.Length);
                        p.Fast(accumulate: true, serial: false);
                        for (int i = 0; i < serial.Length; i++)
                            Assert.True(
                                BitConverter.SingleToInt32Bits(serial[i]) == BitConverter.SingleToInt32Bits(p.C[i]),
                                $"{kern.Name} {m}x{n}x{k}, {threads} threads, packed budget {budget}: element {i} " +
                                $"is {p.C[i]:R}, serial gave {serial[i]:R}");
                    }
            }
        }
        finally
        {
            Parallelism.Threads = saved;
            GemmParallel.PackedBudget = savedBudget;
            Gemm.Kernel = GemmKernel.Best();
        }
    }

    [Fact]
    public void A_bias_added_in_the_write_back_gives_the_bits_of_a_separate_pass_after_the_product()
    {
        int saved = Parallelism.Threads;
        try
        {
            // k crosses depth blocks (the bias must come after the last), m and n leave edge tiles.
            foreach (var (kern, (m, n, k)) in Kernels().SelectMany(kern =>
                new[] { (37, 45, 70), (203, 77, 900), (5, 1, 9), (8, 32, 0) }.Select(shape => (kern, shape))))
            {
                Gemm.Kernel = kern;
                foreach (bool accumulate in new[] { false, true })
                    foreach (int threads in new[] { 1, 2 })
                    {
                        Parallelism.Threads = threads;
                        var p = Problem.Create(new Random(m * n + k), false, true, m, n, k, pad: 2);
                        var rng = new Random(3);
                        float[] bias = [.. Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1))];
                        float[] start = (float[])p.C.Clone();
                        p.Fast(accumulate, serial: false);
                        for (int i = 0; i < m; i++)
                            for (int j = 0; j < n; j++) p.C[i * p.Ldc + j] += bias[j];
                        float[] separate = (float[])p.C.Clone();
                        Array.Copy(start, p.C, start.Length);
                        fixed (float* pa = p.A, pb = p.B, pc = p.C, pbias = bias)
                            Gemm.Multiply(false, true, m, n, k, pa, p.Lda, pb, p.Ldb, pc, p.Ldc, accumulate, pbias);
                        Assert.Equal(separate.Select(BitConverter.SingleToInt32Bits),
                            p.C.Select(BitConverter.SingleToInt32Bits));
                    }
            }
        }
        finally
        {
            Parallelism.Threads = saved;
            Gemm.Kernel = GemmKernel.Best();
        }
    }

    [Theory]
    [InlineData(45, 24)]
    [InlineData(130, 70)]
    [InlineData(400, 33)]
    public void Causal_products_give_the_full_products_bits_where_the_mask_leaves_anything(int T, int n)
    {
        foreach (GemmKernel kern in Kernels())
            WithKernel(kern, () =>
            {
                var rng = new Random(T + n);
                float[] Random(int count) =>
                    [.. Enumerable.Range(0, count).Select(_ => (float)rng.NextDouble() - 0.5f)];
                // Output: C(i, j) for j <= i of Q·Kᵀ (T×T, depth n).
                float[] q = Random(T * n), k = Random(T * n), full = new float[T * T], causal = new float[T * T];
                Array.Fill(causal, 777f);
                fixed (float* pq = q, pk = k, pf = full, pc = causal)
                {
                    Gemm.MultiplySerial(false, true, T, T, n, pq, n, pk, n, pf, T, false);
                    Gemm.MultiplyCausal(false, true, T, T, n, pq, n, pk, n, pc, T, false, GemmCausal.Output);
                }
                for (int i = 0; i < T; i++)
                    for (int j = 0; j <= i; j++)
                        Assert.True(full[i * T + j] == causal[i * T + j], $"{kern.Name} Output ({i},{j})");
                // DepthToRow: P lower-triangular (T×T) times V (T×n); DepthFromRow: Pᵀ times V.
                float[] lower = Random(T * T), v = Random(T * n);
                for (int i = 0; i < T; i++)
                    for (int j = i + 1; j < T; j++) lower[i * T + j] = 0f;
                foreach (var (transA, mode) in
                    new[] { (false, GemmCausal.DepthToRow), (true, GemmCausal.DepthFromRow) })
                    foreach (bool accumulate in new[] { false, true })
                    {
                        float[] start = Random(T * n), whole = (float[])start.Clone(), part = (float[])start.Clone();
                        fixed (float* pl = lower, pv = v, pw = whole, pp = part)
                        {
                            Gemm.MultiplySerial(transA, false, T, n, T, pl, T, pv, n, pw, n, accumulate);
                            Gemm.MultiplyCausal(transA, false, T, n, T, pl, T, pv, n, pp, n, accumulate, mode);
                        }
                        Assert.Equal(whole.Select(BitConverter.SingleToInt32Bits),
                            part.Select(BitConverter.SingleToInt32Bits));
                    }
            });
    }

    [Fact]
    public void TheOptionalOpenBlasBackendAgreesWithTheReferenceWhereInstalled()
    {
        if (!OpenBlas.IsAvailable) return; // optional: nothing to check on machines without libopenblas
        var rng = new Random(5);
        foreach (var (transA, transB) in new[] { (false, false), (false, true), (true, false), (true, true) })
        {
            var p = Problem.Create(rng, transA, transB, 19, 23, 41, pad: 2);
            float[] expected = p.Reference(accumulate: true);
            fixed (float* pa = p.A, pb = p.B, pc = p.C)
                OpenBlas.Multiply(transA, transB, p.M, p.N, p.K, pa, p.Lda, pb, p.Ldb, pc, p.Ldc, accumulate: true);
            p.AssertClose(expected, accumulate: true, $"OpenBLAS {transA} {transB}");
        }
    }

    [Fact]
    public void AStrideShorterThanARowIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Gemm.Multiply(false, false, 4, 4, 8, null, 7, null, 4, null, 4, false));
        Assert.Contains("lda=7", e.Message);
    }

    static void CheckAgainstReference(Random rng, bool transA, bool transB, int m, int n, int k, int pad,
        bool accumulate, string kernel)
    {
        var p = Problem.Create(rng, transA, transB, m, n, k, pad);
        float[] expected = p.Reference(accumulate);
        p.Fast(accumulate, serial: false);
        p.AssertClose(expected, accumulate,
            $"{kernel} {(transA ? 'T' : 'N')}{(transB ? 'T' : 'N')} {m}x{n}x{k} pad {pad}");
    }

    static void WithKernel(GemmKernel kern, Action body)
    {
        GemmKernel saved = Gemm.Kernel;
        Gemm.Kernel = kern;
        try { body(); }
        finally { Gemm.Kernel = saved; }
    }

    /// <summary>Operands with strides `pad` floats longer than needed; the padding of A and B is NaN, so reading
    /// it would show, and the padding of C must come back unchanged.</summary>
    sealed class Problem
    {
        public required bool TransA, TransB;
        public required int M, N, K, Lda, Ldb, Ldc;
        public required float[] A, B, C, InitialC;

        public static Problem Create(Random rng, bool transA, bool transB, int m, int n, int k, int pad)
        {
            int lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
            float[] a = Fill(rng, transA ? k : m, transA ? m : k, lda, float.NaN);
            float[] b = Fill(rng, transB ? n : k, transB ? k : n, ldb, float.NaN);
            float[] c = Fill(rng, m, n, ldc, -777f);
            return new Problem { TransA = transA, TransB = transB, M = m, N = n, K = k, Lda = lda, Ldb = ldb, Ldc = ldc,
                A = a, B = b, C = c, InitialC = (float[])c.Clone() };
        }

        static float[] Fill(Random rng, int rows, int cols, int ld, float padding)
        {
            var x = new float[Math.Max(rows * ld, 1)];
            Array.Fill(x, padding);
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < cols; j++) x[r * ld + j] = (float)(rng.NextDouble() * 2 - 1);
            return x;
        }

        public float[] Reference(bool accumulate)
        {
            float[] c = (float[])InitialC.Clone();
            fixed (float* pa = A, pb = B, pc = c)
                GemmReference.Multiply(TransA, TransB, M, N, K, pa, Lda, pb, Ldb, pc, Ldc, accumulate);
            return c;
        }

        public void Fast(bool accumulate, bool serial)
        {
            fixed (float* pa = A, pb = B, pc = C)
            {
                if (serial) Gemm.MultiplySerial(TransA, TransB, M, N, K, pa, Lda, pb, Ldb, pc, Ldc, accumulate);
                else Gemm.Multiply(TransA, TransB, M, N, K, pa, Lda, pb, Ldb, pc, Ldc, accumulate);
            }
        }

        /// <summary>Each of the two results is within γ(k+1)·(Σ|a·b| + |c₀|) of the exact value (the classical
        /// bound for a float dot product, γ(j) ≈ j·2⁻²⁴), so they differ by at most twice that.</summary>
        public void AssertClose(float[] expected, bool accumulate, string what)
        {
            for (int i = 0; i < M; i++)
                for (int j = 0; j < N; j++)
                {
                    double magnitude = accumulate ? Math.Abs(InitialC[i * Ldc + j]) : 0;
                    for (int p = 0; p < K; p++)
                        magnitude += Math.Abs((double)(TransA ? A[p * Lda + i] : A[i * Lda + p]) * (TransB
                            ? B[j * Ldb + p] : B[p * Ldb + j]));
                    double tolerance = 2 * (K + 2) * Math.Pow(2, -24) * magnitude;
                    float got = C[i * Ldc + j], want = expected[i * Ldc + j];
                    Assert.True(Math.Abs(got - want) <= tolerance,
                        $"{what}: C[{i},{j}] = {got:R}, reference {want:R}, tolerance {tolerance:G3}");
                }
            for (int i = 0; i < M; i++)
                for (int j = N; j < Ldc; j++)
                    Assert.True(C[i * Ldc + j] == -777f,
                        $"{what}: padding C[{i},{j}] was overwritten with {C[i * Ldc + j]}");
        }
    }
}
