// Proofs as `successor prove` makes and checks them, without the command line: a proof for a named
// record, checked against the published root, a wrong root, and a stored earlier head.
using Successor.Ledger.Proofs;
using Successor.Ledger.Statements;

namespace Successor.Ledger.Tests.Proofs;

public sealed class RecordProofTests : IDisposable
{
    private readonly DemoLedger _demo = new();

    public void Dispose() => _demo.Dispose();

    private string ProofFile => Path.Combine(_demo.Folder, "proof.json");

    [Fact]
    public void A_proof_for_an_id_signs_a_head_when_none_covers_it_and_creates_the_key()
    {
        using var ledger = _demo.Open();
        var made = RecordProof.Make(ledger, "checkpoint:g2", _demo.Judge);
        Assert.Equal("checkpoint:g2", made.Record.Parse().Statement.Subject);
        Assert.Equal(ledger.Count(), made.Head.Size);
        Assert.True(made.Verified);
        Assert.True(File.Exists(_demo.KeyFile));
        Assert.Single(ledger.TreeHeads());

        string number = made.Record.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var again = RecordProof.Make(ledger, number, _demo.Judge);
        Assert.Equal(made.Head, again.Head);
        Assert.Single(ledger.TreeHeads());
    }

    [Fact]
    public void A_written_proof_is_included_under_the_published_root_and_fails_under_another()
    {
        RecordProof made;
        using (var ledger = _demo.Open())
            made = RecordProof.Make(ledger, "checkpoint:g2", _demo.Judge);
        File.WriteAllText(ProofFile, made.Proof.ToJson().ToJsonString() + "\n");
        string root = made.Head.Root;

        var good = ProofCheck.Run(ProofFile, root, made.Head.Size, _demo.PublicKeyFile);
        Assert.True(good.Included);
        Assert.True(good.SignatureValid);
        Assert.True(good.Ok);
        Assert.Equal(made.Record.Seq, good.Record);

        string wrong = (root[0] == 'a' ? "b" : "a") + root[1..];
        var rejected = ProofCheck.Run(ProofFile, wrong, made.Head.Size, _demo.PublicKeyFile);
        Assert.False(rejected.Included);
        Assert.False(rejected.Ok);

        var unkeyed = ProofCheck.Run(ProofFile, null, null, Path.Combine(_demo.Folder, "no.key"));
        Assert.True(unkeyed.Ok);
        Assert.Null(unkeyed.SignatureValid);
    }

    [Fact]
    public void A_check_needs_both_root_and_size_or_neither_and_an_existing_file()
    {
        var missing = Assert.Throws<LedgerException>(() => ProofCheck.Run(ProofFile, null, null, _demo.PublicKeyFile));
        Assert.Contains("file not found", missing.Message);
        File.WriteAllText(ProofFile, "{}");
        var half = Assert.Throws<LedgerException>(() => ProofCheck.Run(ProofFile, "00", null, _demo.PublicKeyFile));
        Assert.StartsWith("prove --check: give both --root and --size", half.Message);
    }

    [Fact]
    public void The_latest_head_is_consistent_with_an_earlier_stored_head()
    {
        using var ledger = _demo.Open();
        var first = LedgerProofs.SignTreeHead(ledger, _demo.Judge);
        ledger.Append("lab", ProvStatement.Entity("note:later", "note"));
        var second = LedgerProofs.SignTreeHead(ledger, _demo.Judge);

        var check = ConsistencyCheck.Run(ledger, first.Size);
        Assert.True(check.Consistent);
        Assert.Equal(first, check.Old);
        Assert.Equal(second, check.Latest);
        Assert.NotEmpty(check.Proof);
        var unknown = Assert.Throws<LedgerException>(() => ConsistencyCheck.Run(ledger, 3));
        Assert.StartsWith("--consistency-from 3: no stored tree head has that size", unknown.Message);
    }
}
