// Recomputes everything the ledger claims: sequence numbers without gaps, each record's hash over
// (previous hash ‖ entry), the links between records, the digest of every artifact an entity names,
// and the Merkle root and signature of every signed tree head. Trusts nothing stored.
using Successor.Ledger.Artifacts;
using Successor.Ledger.Merkle;
using Successor.Ledger.Records;
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Verification;

public static class LedgerVerifier
{
    /// <param name="key">The notary's public key; without it no head counts as signed.</param>
    public static VerifyReport Verify(ILedger ledger, ArtifactStore? artifacts = null, TreeHeadKey? key = null)
    {
        long signedSize = -1;
        var problems = new List<VerifyProblem>();
        var heads = ledger.TreeHeads();
        var headsBySize = heads.GroupBy(h => h.Size).ToDictionary(g => g.Key, g => g.ToList());
        var range = new CompactRange();
        var digests = new List<(string Digest, long Seq, string Id)>();
        long expected = 0;
        byte[] previous = LedgerRecord.GenesisHash;
        long count = 0;

        foreach (var r in ledger.Read())
        {
            count++;
            if (r.Seq != expected)
            {
                problems.Add(r.Seq > expected
                    ? new VerifyProblem(expected,
                        $"record {expected}: missing — the log jumps from {expected - 1} to {r.Seq}; "
                        + "records were deleted")
                    : new VerifyProblem(r.Seq, $"record {r.Seq}: out of order — expected {expected}"));
                expected = r.Seq;
            }
            if (!r.PreviousHash.AsSpan().SequenceEqual(previous))
                problems.Add(new VerifyProblem(r.Seq,
                    $"record {r.Seq}: its previous-hash link does not match the hash of the record before it; "
                    + "the chain is broken (a record was removed, replaced or reordered)"));
            if (!LedgerRecord.ChainHash(r.PreviousHash, r.Entry).AsSpan().SequenceEqual(r.Hash))
                problems.Add(new VerifyProblem(r.Seq,
                    $"record {r.Seq}: stored hash does not match SHA-256(previous hash ‖ entry); "
                    + "its payload was changed"));
            try
            {
                var entry = r.Parse();
                if (entry.Seq != r.Seq)
                    problems.Add(new VerifyProblem(r.Seq,
                        $"record {r.Seq}: holds the entry of record {entry.Seq}; records were reordered"));
                if (entry.Statement.Digest is { } digest)
                    digests.Add((digest, r.Seq, entry.Statement.Subject));
            }
            catch (LedgerException e)
            {
                problems.Add(new VerifyProblem(r.Seq, e.Message));
            }

            range.Append(r.LeafHash());
            if (headsBySize.TryGetValue(range.Size, out var atSize))
                foreach (var head in atSize)
                    if (CheckHead(head, range.Root(), key, problems)) signedSize = Math.Max(signedSize, head.Size);
            previous = r.Hash;
            expected++;
        }

        foreach (var head in heads.Where(h => h.Size > range.Size))
            problems.Add(new VerifyProblem(null,
                $"tree head of size {head.Size} (signed {head.Time}): the log has only {range.Size} records; "
                + "records were removed from the end"));
        foreach (var head in heads.Where(h => h.Size == 0))
            if (CheckHead(head, MerkleTree.Root([], 0), key, problems)) signedSize = Math.Max(signedSize, 0);

        int checkedArtifacts = 0;
        if (artifacts is not null)
        {
            foreach (var (digest, seq, id) in digests)
            {
                checkedArtifacts++;
                var check = artifacts.Check(digest);
                if (check.State == ArtifactState.Missing)
                    problems.Add(new VerifyProblem(seq,
                        $"artifact {digest} of {id} (record {seq}): missing from {artifacts.Root}"));
                else if (check.State == ArtifactState.Corrupt)
                    problems.Add(new VerifyProblem(seq,
                        $"artifact {digest} of {id} (record {seq}): content hashes to {check.ActualDigest}; "
                        + "the file was altered"));
            }
        }

        var ordered = problems.OrderBy(p => p.Seq ?? long.MaxValue).ToList();
        return new VerifyReport(count, checkedArtifacts, heads.Count, ordered) { SignedSize = signedSize };
    }

    /// <summary>True when the head's root matches the log and its signature checks with the key.</summary>
    private static bool CheckHead(
        SignedTreeHead head, byte[] root, TreeHeadKey? key, List<VerifyProblem> problems)
    {
        int before = problems.Count;
        if (Digests.Hex(root) != head.Root)
            problems.Add(new VerifyProblem(head.Size > 0 ? head.Size - 1 : null,
                $"tree head of size {head.Size} (signed {head.Time}): the first {head.Size} records hash to root "
                + $"{Digests.Hex(root)}, not the signed {head.Root}; history was rewritten"));
        if (key is not null && head.KeyId != key.KeyId)
            problems.Add(new VerifyProblem(null,
                $"tree head of size {head.Size}: signed with key {head.KeyId}, not the notary's key {key.KeyId}"));
        else if (key is not null && !key.Verify(head))
            problems.Add(new VerifyProblem(null,
                $"tree head of size {head.Size}: signature does not match; the head was forged or altered"));
        return key is not null && problems.Count == before;
    }
}
