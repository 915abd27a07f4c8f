// Checks RFC 6962 proofs with nothing but hashes: the algorithms of RFC 9162 sections 2.1.3.2
// (inclusion) and 2.1.4.2 (consistency). A third party needs only the leaf, the proof and a
// published tree head, not the log.
namespace Successor.Ledger.Merkle;

public static class MerkleVerifier
{
    public static bool VerifyInclusion(
        ReadOnlySpan<byte> leafHash, long index, long size, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size) return false;
        long fn = index, sn = size - 1;
        byte[] r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0) return false;
            r = StepUp(ref fn, ref sn) ? MerkleTree.NodeHash(p, r) : MerkleTree.NodeHash(r, p);
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    public static bool VerifyConsistency(
        long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        if (oldSize <= 0 || oldSize > newSize) return false;
        if (oldSize == newSize) return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        var nodes = new List<byte[]>(proof.Count + 1);
        if ((oldSize & (oldSize - 1)) == 0) nodes.Add(oldRoot.ToArray()); // old tree is a complete subtree
        nodes.AddRange(proof);
        if (nodes.Count == 0) return false;

        long fn = oldSize - 1, sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = nodes[0], sr = nodes[0];
        for (int i = 1; i < nodes.Count; i++)
        {
            var c = nodes[i];
            if (sn == 0) return false;
            if (StepUp(ref fn, ref sn))
            {
                fr = MerkleTree.NodeHash(c, fr);
                sr = MerkleTree.NodeHash(c, sr);
            }
            else
            {
                sr = MerkleTree.NodeHash(sr, c);
            }
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    /// <summary>The step both algorithms take for each proof node: whether the node is a left sibling (LSB(fn)
    /// set, or fn equal to sn), then fn and sn moved up to the node's parent level — first past the levels
    /// where a left node has no right sibling (shifting until LSB(fn) is set or fn is 0), then one level.</summary>
    static bool StepUp(ref long fn, ref long sn)
    {
        bool left = (fn & 1) == 1 || fn == sn;
        if (left)
        {
            while ((fn & 1) == 0 && fn != 0)
            {
                fn >>= 1;
                sn >>= 1;
            }
        }
        fn >>= 1;
        sn >>= 1;
        return left;
    }
}
