// Builds proofs and signed tree heads from a ledger: reads the leaf hashes in order, then uses
// the RFC 6962 functions of MerkleTree.
using Successor.Ledger.Merkle;
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Proofs;

public static class LedgerProofs
{
    public static List<byte[]> LeafHashes(ILedger ledger, long size)
    {
        var leaves = new List<byte[]>();
        foreach (var r in ledger.Read())
        {
            if (leaves.Count >= size) break;
            if (r.Seq != leaves.Count)
                throw new LedgerException(
                    $"ledger {ledger.Location}: record {leaves.Count} is missing; run `successor verify`");
            leaves.Add(r.LeafHash());
        }
        if (leaves.Count < size)
            throw new LedgerException(
                $"tree size {size}: the log has only {leaves.Count} records; use a size up to {leaves.Count}");
        return leaves;
    }

    /// <summary>Signs and stores a tree head over the whole log as it is now, with no consistency check: for
    /// tests that build ledgers; everything else signs through the <see cref="Notary"/>.</summary>
    internal static SignedTreeHead SignTreeHead(ILedger ledger, TreeHeadSigner signer)
    {
        var leaves = LeafHashes(ledger, ledger.Count());
        var head = signer.Sign(leaves.Count, MerkleTree.Root(leaves, leaves.Count), DateTimeOffset.UtcNow);
        ledger.SaveTreeHead(head);
        return ledger.TreeHeads().First(h => h.Size == head.Size);
    }

    /// <summary>Has the notary of <paramref name="judgeFolder"/> sign the log as it is now; its refusal (the log
    /// no longer extends the head it signed last) is an error naming that head.</summary>
    public static SignedTreeHead SignTreeHead(ILedger ledger, string judgeFolder)
    {
        var outcome = new Notary(judgeFolder).Sign(ledger);
        return outcome.Signed ?? throw new LedgerException($"notary: {outcome.Problems[0]}");
    }

    public static InclusionProof Inclusion(ILedger ledger, long seq, SignedTreeHead head)
    {
        if (seq < 0 || seq >= head.Size)
            throw new LedgerException(
                $"record {seq}: not covered by the tree head of size {head.Size}; "
                + "use a head signed after the record was appended");
        var leaves = LeafHashes(ledger, head.Size);
        var record = ledger.Get(seq) ?? throw new LedgerException($"record {seq}: not in the ledger {ledger.Location}");
        var path = MerkleTree.InclusionProof(leaves, seq, head.Size).Select(h => Digests.Hex(h)).ToList();
        return new InclusionProof(record.Entry, seq, path, head);
    }

    /// <summary>
    /// Hashes proving the tree of <paramref name="oldSize"/> records is a prefix of the one of
    /// <paramref name="newSize"/>.
    /// </summary>
    public static IReadOnlyList<string> Consistency(ILedger ledger, long oldSize, long newSize)
    {
        var leaves = LeafHashes(ledger, newSize);
        return MerkleTree.ConsistencyProof(leaves, oldSize, newSize).Select(h => Digests.Hex(h)).ToList();
    }
}
