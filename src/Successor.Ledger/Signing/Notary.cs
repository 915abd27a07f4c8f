// The notary: the one holder of the tree-head signing key. It remembers the last head it signed and
// signs a new head only when an RFC 6962 consistency proof shows the log extends that head, so a log
// rewritten and re-hashed by anyone else never gets a signature. It runs as its own process
// (`successor notary sign`), started by the lab at its start and after every generation; the key and
// its state stay in the judge folder, which the lab never opens.
using Successor.Ledger.Merkle;
using Successor.Ledger.Proofs;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Signing;

public sealed class Notary(string judgeFolder)
{
    public string PublicKeyFile => JudgeFolder.PublicKey(judgeFolder);

    public NotaryOutcome Sign(ILedger ledger)
    {
        var problems = new List<string>();
        var signer = Key(problems);

        var last = NotaryState.Load(JudgeFolder.NotaryState(judgeFolder));
        var leaves = LedgerProofs.LeafHashes(ledger, ledger.Count());
        byte[] root = MerkleTree.Root(leaves, leaves.Count);
        if (last is not null && Inconsistent(last, leaves, root) is { } why)
        {
            problems.Add(why);
            return new NotaryOutcome(null, problems);
        }
        if (last is not null && ledger.TreeHeads().All(h => h.Size != last.Size))
        {
            problems.Add($"tree head of size {last.Size} (root {last.Root}, signed {last.Time}): deleted from the "
                + "ledger's tree_heads; the notary stored it again");
            ledger.SaveTreeHead(last);
        }
        var head = signer.Sign(leaves.Count, root, DateTimeOffset.UtcNow);
        ledger.SaveTreeHead(head);
        var stored = ledger.TreeHeads().First(h => h.Size == head.Size);
        if (!signer.PublicKey.Verify(stored) || stored.Root != head.Root)
            problems.Add($"tree head of size {stored.Size}: the row already stored (key {stored.KeyId}) is not the "
                + "notary's; a head was forged into tree_heads");
        NotaryState.Save(JudgeFolder.NotaryState(judgeFolder), head);
        return new NotaryOutcome(head, problems);
    }

    /// <summary>The notary's key (created on first use, its public key published beside the folder) and what
    /// was wrong with the published public key.</summary>
    public TreeHeadSigner Key(List<string> problems)
    {
        SecretFiles.EnsurePrivateFolder(judgeFolder);
        var signer = TreeHeadSigner.FromKeyFile(JudgeFolder.NotaryKey(judgeFolder), create: true);
        CheckPublicKey(signer, problems);
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

    /// <summary>The public key beside the judge folder must be this key: a replaced one is named and
    /// restored.</summary>
    private void CheckPublicKey(TreeHeadSigner signer, List<string> problems)
    {
        string found;
        try
        {
            var published = TreeHeadKey.FromFileIfPresent(PublicKeyFile);
            if (published is null) found = "";
            else if (published.Hex == signer.PublicKey.Hex) return;
            else found = $"key {published.KeyId}";
        }
        catch (LedgerException)
        {
            found = "no valid key";
        }
        if (found.Length > 0)
            problems.Add($"public key {PublicKeyFile}: holds {found}, not the notary's key {signer.KeyId}; "
                + "it was replaced — restored");
        signer.PublicKey.Save(PublicKeyFile);
    }
}
