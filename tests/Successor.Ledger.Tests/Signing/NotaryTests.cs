// The notary signs only a log that extends the head it signed last; its key stays in the judge's vault (a 0700
// folder), in a 0600 file; its public key is readable by all and a replaced one is named and restored.
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Tests.Signing;

public sealed class NotaryTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("successor-notary-").FullName;

    string Db => Path.Combine(folder, "ledger.db");

    string Judge => JudgeFolder.For(Db);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_notary_signs_with_ed25519_keeping_its_key_private_and_its_public_key_readable()
    {
        using var ledger = SqliteLedger.Open(Db);
        HostileLedger.Seed(ledger, 5);
        var outcome = new Notary(Judge).Sign(ledger);
        Assert.True(outcome.Ok);
        var key = TreeHeadKey.FromFile(JudgeFolder.PublicKey(Judge));
        Assert.True(key.Verify(outcome.Signed!));
        Assert.False(key.Verify(outcome.Signed! with { Size = 4 }));
        Assert.Equal(JudgeVault.Folder, File.GetUnixFileMode(Judge));
        Assert.Equal(SecretFiles.PrivateFolder, File.GetUnixFileMode(JudgeVault.Of(Judge)));
        Assert.Equal(SecretFiles.Private, File.GetUnixFileMode(JudgeFolder.NotaryKey(Judge)));
        Assert.Equal(SecretFiles.Public, File.GetUnixFileMode(JudgeFolder.PublicKey(Judge)));
        Assert.Equal(Path.GetDirectoryName(Judge), Path.GetDirectoryName(JudgeFolder.PublicKey(Judge)));

        // Ed25519 is deterministic: the same head signed again is the same signature.
        var signer = TreeHeadSigner.FromKeyFile(JudgeFolder.NotaryKey(Judge), create: false);
        var time = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(signer.Sign(5, new byte[32], time), signer.Sign(5, new byte[32], time));

        HostileLedger.Seed(ledger, 3, from: 5);
        var next = new Notary(Judge).Sign(ledger);
        Assert.True(next.Ok);
        Assert.Equal(8, next.Signed!.Size);
        Assert.Equal([5L, 8L], ledger.TreeHeads().Select(h => h.Size));
    }

    [Fact]
    public void A_ledger_rewritten_and_rehashed_after_signing_never_gets_a_signature()
    {
        using var ledger = SqliteLedger.Open(Db);
        HostileLedger.Seed(ledger, 8);
        var signed = new Notary(Judge).Sign(ledger).Signed!;
        HostileLedger.RewriteAndRehash(ledger, 2);
        HostileLedger.Seed(ledger, 2, from: 8);

        var refused = new Notary(Judge).Sign(ledger);
        Assert.Null(refused.Signed);
        Assert.Contains($"tree head of size 8 (root {signed.Root}", refused.Problems[0]);
        Assert.Contains("history was rewritten", refused.Problems[0]);
        Assert.Single(ledger.TreeHeads());
    }

    [Fact]
    public void Tree_heads_deleted_behind_the_notarys_back_are_named_and_stored_again()
    {
        using var ledger = SqliteLedger.Open(Db);
        HostileLedger.Seed(ledger, 4);
        var first = new Notary(Judge).Sign(ledger).Signed!;
        HostileLedger.DeleteTreeHeads(ledger);
        HostileLedger.Seed(ledger, 1, from: 4);

        var outcome = new Notary(Judge).Sign(ledger);
        Assert.False(outcome.Ok);
        Assert.Contains("tree head of size 4", outcome.Problems[0]);
        Assert.Contains("deleted", outcome.Problems[0]);
        Assert.Contains(ledger.TreeHeads(), h => h.Size == first.Size && h.Signature == first.Signature);
    }

    [Fact]
    public void A_replaced_public_key_is_named_and_restored()
    {
        using var ledger = SqliteLedger.Open(Db);
        HostileLedger.Seed(ledger, 2);
        var genuine = new Notary(Judge).Sign(ledger).Signed!;
        var forger = new TreeHeadSigner(Ed25519Keys.NewSeed());
        forger.PublicKey.Save(JudgeFolder.PublicKey(Judge));

        var outcome = new Notary(Judge).Sign(ledger);
        Assert.Contains($"holds key {forger.KeyId}, not the notary's key {genuine.KeyId}", outcome.Problems[0]);
        Assert.Equal(genuine.KeyId, TreeHeadKey.FromFile(JudgeFolder.PublicKey(Judge)).KeyId);
    }
}
