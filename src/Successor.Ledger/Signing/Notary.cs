// The notary: the one holder of the tree-head signing key. It remembers the last head it signed and
// signs a new head only when an RFC 6962 consistency proof shows the log extends that head, so a log
// rewritten and re-hashed by anyone else never gets a signature. It runs as its own process
// (`successor notary sign`, for a person) or inside the judge process, which the lab asks at its start and
// after every generation with the log's leaf hashes; the key and its state stay in the judge folder, which
// the lab never opens.
using Successor.Ledger.Merkle;
using Successor.Ledger.Proofs;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Signing;

public sealed class Notary(string judgeFolder)
{
    public string PublicKeyFile => JudgeFolder.PublicKey(judgeFolder);

    /// <summary>Signs the ledger as it is now and stores the head in it (`successor notary sign`).</summary>
    public NotaryOutcome Sign(ILedger ledger)
    {
        var signing = SignLeaves(LedgerProofs.LeafHashes(ledger, ledger.Count()));
        var problems = new List<string>(Publish(signing.Key, PublicKeyFile));
        if (signing.Refusal is { } why) return new NotaryOutcome(null, [.. problems, why]);
        problems.AddRange(Store(ledger, signing));
        return new NotaryOutcome(signing.Signed, problems);
    }

    /// <summary>Signs the log whose leaf hashes are `leaves` if it extends the head signed last; the judge's
    /// account runs this without the ledger, and the lab stores the head.</summary>
    public NotarySigning SignLeaves(List<byte[]> leaves)
    {
        JudgeVault.Open(judgeFolder);
        var signer = TreeHeadSigner.FromKeyFile(JudgeFolder.NotaryKey(judgeFolder), create: true);
        var last = NotaryState.Load(JudgeFolder.NotaryState(judgeFolder));
        byte[] root = MerkleTree.Root(leaves, leaves.Count);
        if (last is not null && Inconsistent(last, leaves, root) is { } why)
            return new NotarySigning(null, last, why, signer.PublicKey);
        var head = signer.Sign(leaves.Count, root, DateTimeOffset.UtcNow);
        NotaryState.Save(JudgeFolder.NotaryState(judgeFolder), head);
        return new NotarySigning(head, last, null, signer.PublicKey);
    }

    /// <summary>Stores a signed head in the ledger's tree_heads, and the head signed before it again if it was
    /// deleted; returns what was wrong (a deleted head, a forged row where the new one belongs).</summary>
    public static IReadOnlyList<string> Store(ILedger ledger, NotarySigning signing)
    {
        var problems = new List<string>();
        if (signing.Signed is not { } head) return problems;
        if (signing.Last is { } last && ledger.TreeHeads().All(h => h.Size != last.Size))
        {
            problems.Add($"tree head of size {last.Size} (root {last.Root}, signed {last.Time}): deleted from the "
                + "ledger's tree_heads; the notary stored it again");
            ledger.SaveTreeHead(last);
        }
        ledger.SaveTreeHead(head);
        var stored = ledger.TreeHeads().First(h => h.Size == head.Size);
        if (!signing.Key.Verify(stored) || stored.Root != head.Root)
            problems.Add($"tree head of size {stored.Size}: the row already stored (key {stored.KeyId}) is not the "
                + "notary's; a head was forged into tree_heads");
        return problems;
    }

    /// <summary>The notary's key (created on first use, its public key published beside the folder) and what
    /// was wrong with the published public key.</summary>
    public TreeHeadSigner Key(List<string> problems)
    {
        JudgeVault.Open(judgeFolder);
        var signer = TreeHeadSigner.FromKeyFile(JudgeFolder.NotaryKey(judgeFolder), create: true);
        problems.AddRange(Publish(signer.PublicKey, PublicKeyFile));
        return signer;
    }

    /// <summary>Why the log no longer extends the head signed last, or null when it does.</summary>
    private static string? Inconsistent(SignedTreeHead last, List<byte[]> leaves, byte[] root)
    {
        string named = $"tree head of size {last.Size} (root {last.Root}, signed {last.Time})";
        if (leaves.Count < last.Size)
            return $"{named}: the ledger now has only {leaves.Count} records; records were removed — refusing to sign";
        if (last.Size == 0) return null;
        var proof = MerkleTree.ConsistencyProof(leaves, last.Size, leaves.Count);
        return MerkleVerifier.VerifyConsistency(last.Size, leaves.Count, Convert.FromHexString(last.Root), root, proof)
            ? null
            : $"{named}: the ledger no longer extends it (the consistency proof to size {leaves.Count} fails); "
                + "history was rewritten — refusing to sign";
    }

    /// <summary>The public key at `file` must be `key`: a missing one is written, a replaced one is named and
    /// restored.</summary>
    public static IReadOnlyList<string> Publish(TreeHeadKey key, string file)
    {
        string found;
        try
        {
            var published = TreeHeadKey.FromFileIfPresent(file);
            if (published is null) found = "";
            else if (published.Hex == key.Hex) return [];
            else found = $"key {published.KeyId}";
        }
        catch (LedgerException)
        {
            found = "no valid key";
        }
        key.Save(file);
        return found.Length == 0 ? [] : [$"public key {file}: holds {found}, not the notary's key {key.KeyId}; "
            + "it was replaced — restored"];
    }
}
