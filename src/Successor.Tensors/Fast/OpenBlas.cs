// Optional OpenBLAS sgemm, found at run time (libopenblas.so.0) and never required.
// Gemm.Multiply does not use it: OpenBLAS's results may change with its thread count, and the engine must be
// deterministic. The benchmark compares against it where it is installed (apt-get install libopenblas0).
using System.Runtime.InteropServices;

namespace Successor.Tensors.Fast;

public static unsafe class OpenBlas
{
    const int RowMajor = 101, NoTrans = 111, Trans = 112;

    static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float,
        float*, int, void> sgemm;
    static readonly delegate* unmanaged<int, void> setThreads;
    static readonly delegate* unmanaged<nint> coreName;

    static OpenBlas()
    {
        if (!NativeLibrary.TryLoad("libopenblas.so.0", out nint lib) && !NativeLibrary.TryLoad("libopenblas", out lib))
            return;
        if (NativeLibrary.TryGetExport(lib, "cblas_sgemm", out nint f))
            sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int,
                float, float*, int, void>)f;
        if (NativeLibrary.TryGetExport(lib, "openblas_set_num_threads", out nint t))
            setThreads = (delegate* unmanaged<int, void>)t;
        if (NativeLibrary.TryGetExport(lib, "openblas_get_corename", out nint n))
            coreName = (delegate* unmanaged<nint>)n;
    }

    /// <summary>True when libopenblas was found and exports cblas_sgemm.</summary>
    public static bool IsAvailable => sgemm != null;

    /// <summary>The kernel family OpenBLAS runs on this CPU (its own detection, or OPENBLAS_CORETYPE when set), e.g.
    /// "Haswell" or "SkylakeX"; null when OpenBLAS is not installed.</summary>
    public static string? CoreName => coreName == null ? null : Marshal.PtrToStringUTF8(coreName());

    /// <summary>Sets OpenBLAS's own thread count (it ignores Parallelism.Threads).</summary>
    public static void SetThreads(int threads)
    {
        if (setThreads != null) setThreads(threads);
    }

    /// <summary>Same contract as Gemm.Multiply, computed by cblas_sgemm.</summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k,
        float* a, int lda, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        if (sgemm == null)
            throw new InvalidOperationException(
                "OpenBLAS: libopenblas.so.0 not found; install libopenblas0 or use Gemm");
        if (m == 0 || n == 0) return;
        sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k,
            1f, a, Math.Max(lda, 1), b, Math.Max(ldb, 1), accumulate ? 1f : 0f, c, Math.Max(ldc, 1));
    }
}
