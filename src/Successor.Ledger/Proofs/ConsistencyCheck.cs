// Proves and checks that the latest signed tree head extends an earlier stored head (RFC 6962
// consistency): the log of the earlier size is a prefix of the current one.
using Successor.Ledger.Merkle;
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Proofs;

/// <param name="Proof">The consistency proof's hashes, in hex.</param>
public sealed record ConsistencyCheck(
    SignedTreeHead Old, SignedTreeHead Latest, IReadOnlyList<string> Proof, bool Consistent)
{
    /// <param name="oldSize">The size of a stored tree head.</param>
    public static ConsistencyCheck Run(ILedger ledger, long oldSize)
    {
        var heads = ledger.TreeHeads();
        var old = heads.FirstOrDefault(h => h.Size == oldSize)
            ?? throw new LedgerException($"--consistency-from {oldSize}: no stored tree head has that size; "
                + $"sizes are {string.Join(", ", heads.Select(h => h.Size))}");
        var latest = heads[^1];
        var proof = LedgerProofs.Consistency(ledger, old.Size, latest.Size);
        bool ok = MerkleVerifier.VerifyConsistency(old.Size, latest.Size,
            Convert.FromHexString(old.Root), Convert.FromHexString(latest.Root),
            proof.Select(Convert.FromHexString).ToList());
        return new ConsistencyCheck(old, latest, proof, ok);
    }
}
