// The Merkle tree of RFC 6962 section 2.1 (Certificate Transparency) over the ledger's records:
// leaf hash = SHA-256(0x00 ‖ entry), node hash = SHA-256(0x01 ‖ left ‖ right), and the split of
// n leaves at k, the largest power of two below n. Proofs follow 2.1.1 (PATH) and 2.1.2 (PROOF).
// Everything works from the list of leaf hashes; roots of subtrees are recomputed on demand,
// which is O(n) per proof — enough for a lab's ledger, and the log stays the single source of truth.
using System.Security.Cryptography;

namespace Successor.Ledger.Merkle;

public static class MerkleTree
{
    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var buffer = new byte[entry.Length + 1];
        buffer[0] = 0x00;
        entry.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 32 + 32];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>MTH(D[n]) of the first <paramref name="size"/> leaves.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, long size)
    {
        CheckSize(leafHashes, size);
        return size == 0 ? SHA256.HashData(ReadOnlySpan<byte>.Empty) : Subtree(leafHashes, 0, size);
    }

    /// <summary>
    /// The audit path for leaf <paramref name="index"/> in the tree of the first <paramref name="size"/> leaves.
    /// </summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, long index, long size)
    {
        CheckSize(leafHashes, size);
        if (index < 0 || index >= size)
            throw new LedgerException(
                $"inclusion proof: leaf {index} is not in a tree of {size} leaves; use 0 ≤ leaf < size");
        var path = new List<byte[]>();
        Path(leafHashes, index, 0, size, path);
        return path;
    }

    /// <summary>
    /// PROOF(m, D[n]): shows the tree of size <paramref name="oldSize"/> is a prefix of the one of size
    /// <paramref name="newSize"/>.
    /// </summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long oldSize, long newSize)
    {
        CheckSize(leafHashes, newSize);
        if (oldSize <= 0 || oldSize > newSize)
            throw new LedgerException(
                $"consistency proof: old size {oldSize} against new size {newSize}; use 0 < old ≤ new");
        var proof = new List<byte[]>();
        SubProof(leafHashes, oldSize, 0, newSize, complete: true, proof);
        return proof;
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, long start, long n)
    {
        if (n == 1) return leaves[(int)start];
        long k = SplitPoint(n);
        return NodeHash(Subtree(leaves, start, k), Subtree(leaves, start + k, n - k));
    }

    // PATH(m, D[start:start+n]); appended leaf-side first, as RFC 6962 lists it.
    private static void Path(IReadOnlyList<byte[]> leaves, long m, long start, long n, List<byte[]> path)
    {
        if (n == 1) return;
        long k = SplitPoint(n);
        if (m < k)
        {
            Path(leaves, m, start, k, path);
            path.Add(Subtree(leaves, start + k, n - k));
        }
        else
        {
            Path(leaves, m - k, start + k, n - k, path);
            path.Add(Subtree(leaves, start, k));
        }
    }

    // SUBPROOF(m, D[start:start+n], b)
    private static void SubProof(
        IReadOnlyList<byte[]> leaves, long m, long start, long n, bool complete, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!complete) proof.Add(Subtree(leaves, start, n));
            return;
        }
        long k = SplitPoint(n);
        if (m <= k)
        {
            SubProof(leaves, m, start, k, complete, proof);
            proof.Add(Subtree(leaves, start + k, n - k));
        }
        else
        {
            SubProof(leaves, m - k, start + k, n - k, false, proof);
            proof.Add(Subtree(leaves, start, k));
        }
    }

    /// <summary>The largest power of two strictly less than n (n ≥ 2).</summary>
    internal static long SplitPoint(long n)
    {
        long k = 1;
        while (k << 1 < n) k <<= 1;
        return k;
    }

    private static void CheckSize(IReadOnlyList<byte[]> leafHashes, long size)
    {
        if (size < 0 || size > leafHashes.Count)
            throw new LedgerException(
                $"tree size {size}: the log has {leafHashes.Count} records; "
                + $"use a size between 0 and {leafHashes.Count}");
    }
}
