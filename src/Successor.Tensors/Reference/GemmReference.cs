// The oracle for Kernels.Gemm: a plain triple loop, single-threaded, summing in float in the natural k order.
// Same contract as Gemm.Multiply: C(m×n) = op(A)(m×k) · op(B)(k×n), or C += … when accumulate;
// row-major storage, lda/ldb/ldc are the row strides of the STORED matrices (A is stored k×m when transA).
namespace Successor.Tensors.Reference;

public static unsafe class GemmReference
{
    public static void Multiply(bool transA, bool transB, int m, int n, int k,
        float* a, int lda, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    float aip = transA ? a[(long)p * lda + i] : a[(long)i * lda + p];
                    float bpj = transB ? b[(long)j * ldb + p] : b[(long)p * ldb + j];
                    sum += aip * bpj;
                }
                float* cij = c + (long)i * ldc + j;
                *cij = accumulate ? *cij + sum : sum;
            }
        }
    }
}
