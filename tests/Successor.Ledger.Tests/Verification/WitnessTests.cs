// Red team against the witness: a ledger rewritten and re-hashed after a witness saw it, re-signed with a
// fresh key, with the public key replaced or tree heads deleted, fails the witness, which names the first
// inconsistent tree head; an honest ledger that grows passes and is remembered.
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;
using Successor.Ledger.Tests.Signing;
using Successor.Ledger.Verification;

namespace Successor.Ledger.Tests.Verification;

public sealed class WitnessTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("successor-witness-").FullName;

    string Db => Path.Combine(folder, "ledger.db");

    string Judge => JudgeFolder.For(Db);

    string PublicKeyFile => JudgeFolder.PublicKey(Judge);

    string StateFile => Path.Combine(folder, "person", "witness.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    WitnessReport Witnessed(ILedger ledger)
    {
        var report = Witness.Check(ledger, TreeHeadKey.FromFile(PublicKeyFile), PublicKeyFile,
            WitnessState.Load(StateFile));
        report.Next?.Save(StateFile);
        return report;
    }

    /// <summary>8 records signed and witnessed, then 4 more signed and witnessed.</summary>
    (DbLedger Ledger, SignedTreeHead First) Witnessed12()
    {
        var ledger = SqliteLedger.Open(Db);
        HostileLedger.Seed(ledger, 8);
        var first = new Notary(Judge).Sign(ledger).Signed!;
        Assert.True(Witnessed(ledger).Ok);
        HostileLedger.Seed(ledger, 4, from: 8);
        new Notary(Judge).Sign(ledger);
        Assert.True(Witnessed(ledger).Ok);
        return (ledger, first);
    }

    [Fact]
    public void A_witness_remembers_the_heads_of_a_growing_ledger_and_pins_the_key()
    {
        var (ledger, _) = Witnessed12();
        using var _ = ledger;
        var state = WitnessState.Load(StateFile)!;
        Assert.Equal([8L, 12L], state.Heads.Select(h => h.Size));
        Assert.Equal(TreeHeadKey.FromFile(PublicKeyFile).Hex, state.PublicKey);
        var again = Witnessed(ledger);
        Assert.True(again.Ok);
        Assert.Equal(12, again.WitnessedSize);
    }

    [Fact]
    public void A_ledger_rewritten_rehashed_and_resigned_with_a_fresh_key_fails_naming_the_first_inconsistent_head()
    {
        var (ledger, first) = Witnessed12();
        using var _ = ledger;
        HostileLedger.RewriteAndRehash(ledger, 3);
        HostileLedger.DeleteTreeHeads(ledger);
        var (forger, _) = HostileLedger.ResignWithFreshKey(ledger);

        var report = Witnessed(ledger);
        Assert.False(report.Ok);
        Assert.Equal(first.Size, report.FirstInconsistent!.Size);
        Assert.Contains(report.Problems, p => p.StartsWith("first inconsistent tree head: tree head of size 8",
            StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains($"names key {forger.KeyId}", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains("deleted", StringComparison.Ordinal));
        Assert.Null(report.Next);
        Assert.Equal([8L, 12L], WitnessState.Load(StateFile)!.Heads.Select(h => h.Size));
    }

    [Fact]
    public void Replacing_the_public_key_with_the_forgers_does_not_help()
    {
        var (ledger, _) = Witnessed12();
        using var _ = ledger;
        HostileLedger.RewriteAndRehash(ledger, 0);
        HostileLedger.DeleteTreeHeads(ledger);
        var (forger, _) = HostileLedger.ResignWithFreshKey(ledger);
        forger.PublicKey.Save(PublicKeyFile);

        var report = Witnessed(ledger);
        Assert.False(report.Ok);
        Assert.Contains($"holds key {forger.KeyId}, not the key", report.Problems[0]);
        Assert.Contains("the public key was replaced", report.Problems[0]);
        Assert.Equal(8, report.FirstInconsistent!.Size);
    }

    [Fact]
    public void Deleted_tree_heads_are_named()
    {
        var (ledger, _) = Witnessed12();
        using var _ = ledger;
        HostileLedger.DeleteTreeHeads(ledger);
        var report = Witnessed(ledger);
        Assert.False(report.Ok);
        Assert.Contains(report.Problems, p => p.Contains("tree head of size 8", StringComparison.Ordinal)
            && p.Contains("deleted", StringComparison.Ordinal));
    }
}
