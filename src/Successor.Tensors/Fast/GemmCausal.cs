// Which part of a GEMM a causal (lower-triangular) attention needs, per register tile of C: row i of C is a query
// position, and nothing past it may be read or written. Skipped work is exactly zero in the full product (the
// probabilities above the diagonal are zeros), so the result is the full product's, bit for bit.
namespace Successor.Tensors.Fast;

internal enum GemmCausal
{
    /// <summary>The whole product.</summary>
    None,

    /// <summary>Only C(i, j) with j ≤ i is wanted: tiles wholly above the diagonal are skipped, left as they
    /// were (S = Q·Kᵀ).</summary>
    Output,

    /// <summary>op(A)(i, p) is zero for p &gt; i: each tile sums only over p up to its last row (O = P·V).</summary>
    DepthToRow,

    /// <summary>op(A)(i, p) is zero for p &lt; i: each tile sums only over p from its first row (dV = Pᵀ·dO).
    /// </summary>
    DepthFromRow,
}
