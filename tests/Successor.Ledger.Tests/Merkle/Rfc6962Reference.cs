// RFC 6962 section 2.1, transcribed as literally as possible and kept apart from the production
// code: MTH, PATH and PROOF over lists of raw entries, with list slicing and no shortcuts. It is
// slow on purpose; it is the oracle the fast code is checked against.
using System.Security.Cryptography;

namespace Successor.Ledger.Tests.Merkle;

internal static class Rfc6962Reference
{
    private static byte[] H(params byte[][] parts) => SHA256.HashData(parts.SelectMany(p => p).ToArray());

    // MTH({}) = SHA-256(); MTH({d(0)}) = SHA-256(0x00 || d(0));
    // MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of 2 < n.
    public static byte[] Mth(IReadOnlyList<byte[]> d)
    {
        if (d.Count == 0) return H();
        if (d.Count == 1) return H([0x00], d[0]);
        int k = LargestPowerOfTwoBelow(d.Count);
        return H([0x01], Mth(d.Take(k).ToList()), Mth(d.Skip(k).ToList()));
    }

    // PATH(m, {d(0)}) = {}; for m < k: PATH(m, D[0:k]) : MTH(D[k:n]); else PATH(m - k, D[k:n]) : MTH(D[0:k]).
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d)
    {
        if (d.Count == 1) return [];
        int k = LargestPowerOfTwoBelow(d.Count);
        return m < k
            ? [.. Path(m, d.Take(k).ToList()), Mth(d.Skip(k).ToList())]
            : [.. Path(m - k, d.Skip(k).ToList()), Mth(d.Take(k).ToList())];
    }

    // PROOF(m, D[n]) = SUBPROOF(m, D[n], true)
    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> d) => SubProof(m, d, true);

    private static List<byte[]> SubProof(int m, IReadOnlyList<byte[]> d, bool b)
    {
        int n = d.Count;
        if (m == n) return b ? [] : [Mth(d)];
        int k = LargestPowerOfTwoBelow(n);
        return m <= k
            ? [.. SubProof(m, d.Take(k).ToList(), b), Mth(d.Skip(k).ToList())]
            : [.. SubProof(m - k, d.Skip(k).ToList(), false), Mth(d.Take(k).ToList())];
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        int k = 1;
        while (k * 2 < n) k *= 2;
        return k;
    }
}
