// A witness in the sense of Certificate Transparency: it remembers the signed tree heads it has seen
// and checks that the log's current signed head extends each of them (RFC 6962 consistency proofs).
// A log rewritten and re-hashed after a witness saw it fails here, whoever re-signed it: the first
// remembered head the log no longer extends is named. The notary's public key is pinned the first
// time, so a replaced public key is caught too.
using Successor.Ledger.Merkle;
using Successor.Ledger.Proofs;
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Verification;

public static class Witness
{
    /// <param name="publicKey">The public key as published now (the file next to the ledger).</param>
    /// <param name="state">What this witness saw before; null the first time.</param>
    public static WitnessReport Check(ILedger ledger, TreeHeadKey publicKey, string publicKeyFile, WitnessState? state)
    {
        var problems = new List<string>();
        var pinned = state is null ? publicKey : TreeHeadKey.FromHex(state.PublicKey, "witness state public key");
        if (pinned.Hex != publicKey.Hex)
            problems.Add($"public key {publicKeyFile}: holds key {publicKey.KeyId}, not the key {pinned.KeyId} this "
                + "witness pinned when it first saw the ledger; the public key was replaced");
        List<byte[]> leaves;
        try
        {
            leaves = LedgerProofs.LeafHashes(ledger, ledger.Count());
        }
        catch (LedgerException e)
        {
            return new WitnessReport([.. problems, e.Message], null, null, -1, null);
        }
        var heads = ledger.TreeHeads();
        var remembered = state?.Heads ?? [];
        var roots = RootsAt(leaves, heads.Select(h => h.Size).Concat(remembered.Select(h => h.Size)));

        SignedTreeHead? latest = null;
        foreach (var head in heads)
        {
            if (!pinned.Verify(head))
                problems.Add($"tree head of size {head.Size} (signed {head.Time}): its signature does not check with "
                    + $"the notary's key {pinned.KeyId} (it names key {head.KeyId}); it was forged or re-signed");
            else if (!roots.TryGetValue(head.Size, out var root) || root != head.Root)
                problems.Add($"tree head of size {head.Size} (signed {head.Time}): the ledger's first {head.Size} "
                    + $"records do not hash to its root {head.Root}; history was rewritten");
            else latest = head;
        }

        SignedTreeHead? firstInconsistent = null;
        long witnessed = -1;
        foreach (var seen in remembered.OrderBy(h => h.Size))
        {
            string named = $"tree head of size {seen.Size} (root {seen.Root}, signed {seen.Time})";
            if (!heads.Any(h => h.Size == seen.Size && h.Root == seen.Root))
                problems.Add($"{named}, seen by this witness: no longer in the ledger's tree_heads; it was deleted");
            if (Extends(leaves, latest, seen)) witnessed = firstInconsistent is null ? seen.Size : witnessed;
            else if (firstInconsistent is null)
            {
                firstInconsistent = seen;
                problems.Add($"first inconsistent tree head: {named}, seen by this witness — the ledger's latest "
                    + $"signed head ({(latest is null ? "none" : $"size {latest.Size}")}) does not extend it; "
                    + "history was rewritten");
            }
        }
        if (latest is null && problems.Count == 0)
            problems.Add("no signed tree head: nothing to witness; run `successor notary sign` first");
        var next = problems.Count == 0 && latest is not null
            ? (state ?? new WitnessState(pinned.Hex, [])).With(latest)
            : null;
        return new WitnessReport(problems, firstInconsistent, latest, witnessed, next);
    }

    /// <summary>True when a consistency proof from the seen head to the latest signed one checks.</summary>
    private static bool Extends(List<byte[]> leaves, SignedTreeHead? latest, SignedTreeHead seen)
    {
        if (latest is null || latest.Size < seen.Size) return false;
        if (seen.Size == 0) return true;
        var proof = MerkleTree.ConsistencyProof(leaves, seen.Size, latest.Size);
        try
        {
            return MerkleVerifier.VerifyConsistency(seen.Size, latest.Size, Convert.FromHexString(seen.Root),
                Convert.FromHexString(latest.Root), proof);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The log's Merkle root at each of the given sizes it reaches, in hex, in one pass.</summary>
    private static Dictionary<long, string> RootsAt(List<byte[]> leaves, IEnumerable<long> sizes)
    {
        var wanted = sizes.Where(s => s >= 0 && s <= leaves.Count).ToHashSet();
        var roots = new Dictionary<long, string>();
        var range = new CompactRange();
        if (wanted.Contains(0)) roots[0] = Digests.Hex(range.Root());
        foreach (var leaf in leaves)
        {
            range.Append(leaf);
            if (wanted.Contains(range.Size)) roots[range.Size] = Digests.Hex(range.Root());
        }
        return roots;
    }
}
