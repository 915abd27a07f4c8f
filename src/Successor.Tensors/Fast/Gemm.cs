// Single-precision matrix multiply for the engine: C(m×n) = op(A)(m×k) · op(B)(k×n), or C += … when accumulate;
// a bias (n values) is added to every row of C in the micro-kernels' write-back, sparing a pass over C.
// Legend: m, n = rows and columns of C; k = the summed dimension; op(X) = X or Xᵀ.
// Storage is row-major; lda/ldb/ldc are the distances in floats between consecutive rows of the STORED
// matrices (A is stored k×m when transA, B is stored n×k when transB).
// Method: GotoBLAS/BLIS-style packing and cache blocking (GemmDriver) around a register-tiled FMA micro-kernel
// (GemmMicroKernels); threads share one packed op(B) and claim small blocks of C (GemmParallel), and never split
// the k-sum, so results are bitwise identical for any thread count and between Multiply and MultiplySerial.
namespace Successor.Tensors.Fast;

public static unsafe class Gemm
{
    // Below this many multiply-adds per thread (~40 µs on one Zen 4 core), waking another thread costs more than
    // it saves: measured 128×128×64 slower on two threads than on one, 256×128×128 faster.
    const long MinWorkPerThread = 1L << 21;

    /// <summary>The micro-kernel and blocking in use; tests and benchmarks may swap it.</summary>
    internal static GemmKernel Kernel { get; set; } = GemmKernel.Best();

    /// <summary>The micro-kernel in use and its blocking, e.g. "avx512-8x32 (MC=96, KC=384, NC=2048)".</summary>
    public static string KernelDescription => Kernel.ToString();

    /// <summary>C = op(A)·op(B) (or C += … when accumulate), plus bias[j] in column j when a bias is given, using
    /// up to Parallelism.Threads threads.</summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k,
        float* a, int lda, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias = null)
        => Multiply(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, Parallelism.Threads, bias);

    /// <summary>MultiplySerial for causal attention: only the part of the product the causal mask leaves (see
    /// GemmCausal), the same bits there as the whole product; GemmCausal.None is MultiplySerial itself.</summary>
    internal static void MultiplyCausal(bool transA, bool transB, int m, int n, int k,
        float* a, int lda, float* b, int ldb, float* c, int ldc, bool accumulate, GemmCausal causal)
    {
        Validate(transA, transB, m, n, k, lda, ldb, ldc);
        var g = new GemmOperands(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, null, causal);
        GemmDriver.Run(g, Kernel, 0, m, 0, n);
    }

    /// <summary>Same as Multiply, on the calling thread only (for callers already inside a parallel loop).</summary>
    public static void MultiplySerial(bool transA, bool transB, int m, int n, int k,
        float* a, int lda, float* b, int ldb, float* c, int ldc, bool accumulate)
        => MultiplyCausal(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, GemmCausal.None);

    internal static void Multiply(bool transA, bool transB, int m, int n, int k,
        float* a, int lda, float* b, int ldb, float* c, int ldc, bool accumulate, int threads, float* bias = null)
    {
        Validate(transA, transB, m, n, k, lda, ldb, ldc);
        var g = new GemmOperands(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, bias);
        GemmKernel kern = Kernel;
        long work = (long)m * n * Math.Max(k, 1);
        int workers = (int)Math.Clamp(work / MinWorkPerThread, 1, threads);
        if (workers <= 1 || k == 0)
        {
            GemmDriver.Run(g, kern, 0, m, 0, n);
            return;
        }
        if (SharedPacking) GemmParallel.Run(g, kern, workers);
        else RunInBands(g, kern, workers);
    }

    /// <summary>True: the threads of a call share one packed op(B) and claim small blocks of C (GemmParallel);
    /// false: one band of C per thread, each packing its own panels (the earlier scheme, kept for comparison).
    /// </summary>
    internal static bool SharedPacking { get; set; } = true;

    static void RunInBands(GemmOperands g, GemmKernel kern, int parts)
    {
        // Split the longer side of C into bands of whole register tiles; each band packs its own panels.
        bool byRows = g.M >= g.N;
        int unit = byRows ? kern.MR : kern.NR, extent = byRows ? g.M : g.N;
        int units = (extent + unit - 1) / unit;
        parts = Math.Min(parts, units);
        if (parts <= 1)
        {
            GemmDriver.Run(g, kern, 0, g.M, 0, g.N);
            return;
        }
        Parallelism.For(parts, 1, parts, w =>
        {
            int start = (int)Math.Min((long)units * w / parts * unit, extent);
            int end = (int)Math.Min((long)units * (w + 1) / parts * unit, extent);
            if (byRows) GemmDriver.Run(g, kern, start, end, 0, g.N);
            else GemmDriver.Run(g, kern, 0, g.M, start, end);
        });
    }

    static void Validate(bool transA, bool transB, int m, int n, int k, int lda, int ldb, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentOutOfRangeException(nameof(m), $"Gemm sizes m={m}, n={n}, k={k}: each must be >= 0");
        int minLda = transA ? m : k, minLdb = transB ? k : n;
        if (lda < minLda)
            throw new ArgumentOutOfRangeException(nameof(lda), lda,
                $"Gemm lda={lda} is shorter than a stored row of A ({minLda})");
        if (ldb < minLdb)
            throw new ArgumentOutOfRangeException(nameof(ldb), ldb,
                $"Gemm ldb={ldb} is shorter than a stored row of B ({minLdb})");
        if (ldc < n)
            throw new ArgumentOutOfRangeException(nameof(ldc), ldc, $"Gemm ldc={ldc} is shorter than a row of C ({n})");
    }
}
