// Red team against signed, witnessed history and signed decisions, as users run the real `successor`: the
// test process, with the lab's rights over the ledger file, edits and re-hashes records, deletes tree heads,
// signs with a fresh key, replaces the public key, appends a gate decision and a person. Each is caught by
// verify and the witness, naming it; `verify` never passes silently without the public key.
using System.Text.Json.Nodes;
using Successor.Ledger.Merkle;
using Successor.Ledger.Proofs;
using Successor.Ledger.Records;
using Successor.Ledger.Signing;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Records;
using Successor.Safety.Gates;

namespace Successor.Cli.Tests;

public sealed class HistoryRedTeamTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("successor-history-").FullName;

    string Db => Path.Combine(dir, "ledger.db");

    string State => Path.Combine(dir, "person", "witness.json");

    string PublicKey => Path.Combine(dir, "notary.pub");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    void Seed(int count, int from = 0)
    {
        using var ledger = SqliteLedger.Open(Db);
        for (int i = from; i < from + count; i++)
            ledger.Append("agent:loop", ProvStatement.Entity($"note:{i}", "note", new JsonObject { ["i"] = i }));
    }

    static ProcessResult Ok(params string[] args)
    {
        var r = SuccessorProcess.Run(args);
        Assert.True(r.ExitCode == 0, $"successor {string.Join(' ', args)}: {r.Stderr}{r.Stdout}");
        return r;
    }

    ProcessResult Verify(params string[] more) =>
        SuccessorProcess.Run(["verify", "--ledger", Db, "--witness-state", State, .. more]);

    ProcessResult Witness() => SuccessorProcess.Run("witness", "--ledger", Db, "--state", State);

    void SignAndWitness()
    {
        Ok("notary", "sign", "--ledger", Db);
        Ok("witness", "--ledger", Db, "--state", State);
    }

    [Fact]
    public void Verify_fails_on_unsigned_and_unwitnessed_history_unless_told_and_never_passes_without_the_key()
    {
        Seed(5);
        var keyless = Verify();
        Assert.Equal(2, keyless.ExitCode);
        Assert.Contains($"public key {PublicKey}: not found", keyless.Stderr);
        var hashesOnly = Verify("--accept-unsigned", "--accept-unwitnessed");
        Assert.Equal(0, hashesOnly.ExitCode);
        Assert.Equal(("false", "accepted"), (hashesOnly.Value("signatures_checked"), hashesOnly.Value("unsigned")));

        Ok("notary", "sign", "--ledger", Db);
        var unwitnessed = Verify();
        Assert.Equal(1, unwitnessed.ExitCode);
        Assert.Equal("unwitnessed", unwitnessed.Value("status"));
        Assert.Contains("no witness has seen this ledger", unwitnessed.Value("first_problem"));
        Assert.Equal(0, Verify("--accept-unwitnessed").ExitCode);

        Assert.Equal(0, Witness().ExitCode);
        Assert.Equal("ok", Verify().Value("status"));
        Seed(2, from: 5);
        var unsigned = Verify();
        Assert.Equal(1, unsigned.ExitCode);
        Assert.Equal("unsigned", unsigned.Value("status"));
        Assert.Contains("records 5 to 6 come after the last signed tree head (size 5)", unsigned.Stdout);
        Assert.Contains("unwitnessed: records 5 to 6", unsigned.Stdout);
        SignAndWitness();
        Assert.Equal("ok", Verify().Value("status"));
    }

    [Fact]
    public void A_ledger_rewritten_rehashed_and_resigned_with_a_fresh_key_after_a_witness_saw_it_is_named()
    {
        Seed(8);
        SignAndWitness();
        Seed(4, from: 8);
        SignAndWitness();

        string forger;
        using (var ledger = SqliteLedger.Open(Db))
        {
            RewriteAndRehash(ledger, 3);
            ledger.ExecuteRaw("DELETE FROM tree_heads");
            var key = new TreeHeadSigner(Ed25519Keys.NewSeed());
            var leaves = LedgerProofs.LeafHashes(ledger, ledger.Count());
            ledger.SaveTreeHead(key.Sign(leaves.Count, MerkleTree.Root(leaves, leaves.Count), DateTimeOffset.UtcNow));
            key.PublicKey.Save(PublicKey);
            forger = key.KeyId;
        }

        var witness = Witness();
        Assert.Equal(1, witness.ExitCode);
        Assert.StartsWith("size 8 root ", witness.Value("first_inconsistent_tree_head"));
        Assert.Contains($"holds key {forger}, not the key", witness.Stdout);

        var verify = Verify();
        Assert.Equal(1, verify.ExitCode);
        Assert.Equal("tampered", verify.Value("status"));
        Assert.Contains("first inconsistent tree head: tree head of size 8", verify.Stdout);

        var notary = SuccessorProcess.Run("notary", "sign", "--ledger", Db);
        Assert.Equal(1, notary.ExitCode);
        Assert.Equal("refused", notary.Value("status"));
        Assert.Contains("tree head of size 12", notary.Stderr);
        Assert.Contains("history was rewritten", notary.Stderr);
        Assert.Contains($"holds key {forger}, not the notary's key", notary.Stderr);
    }

    [Fact]
    public void Deleted_tree_heads_leave_history_unsigned_and_the_witness_names_them()
    {
        Seed(6);
        SignAndWitness();
        using (var ledger = SqliteLedger.Open(Db))
        {
            Assert.ThrowsAny<System.Data.Common.DbException>(() => ledger.ExecuteRaw("DELETE FROM tree_heads"));
            ledger.ExecuteRaw("DROP TRIGGER tree_heads_no_delete");
            ledger.ExecuteRaw("DELETE FROM tree_heads");
        }
        var verify = Verify();
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("tree head of size 6", verify.Stdout);
        Assert.Contains("deleted", verify.Stdout);
        Assert.Contains("unsigned: no tree head signed by the notary", verify.Stdout);
        Assert.Equal(1, Witness().ExitCode);
    }

    [Fact]
    public void Editing_one_record_is_named_by_verify_and_refused_by_the_notary()
    {
        Seed(5);
        SignAndWitness();
        using (var ledger = SqliteLedger.Open(Db))
        {
            ledger.ExecuteRaw("DROP TRIGGER records_no_update");
            ledger.ExecuteRaw("UPDATE records SET entry = replace(entry, 'note:2', 'note:9') WHERE seq = 2");
        }
        var verify = Verify();
        Assert.Equal(1, verify.ExitCode);
        Assert.Equal("2", verify.Value("first_broken_record"));
        Assert.Equal(1, SuccessorProcess.Run("notary", "sign", "--ledger", Db).ExitCode);
    }

    [Fact]
    public void People_get_private_key_files_decisions_are_signed_and_appended_forgeries_fail_verify_by_record()
    {
        string adaKey = Path.Combine(dir, "keys", "ada.key"), boKey = Path.Combine(dir, "keys", "bo.key");
        var boot = Ok("person", "bootstrap", "ada", "--ledger", Db, "--key-out", adaKey);
        Assert.Equal(adaKey, boot.Value("key_file"));
        if (!OperatingSystem.IsWindows()) Assert.Equal(SecretFiles.Private, File.GetUnixFileMode(adaKey));
        Assert.Equal(5, SuccessorProcess.Run("person", "bootstrap", "eve", "--ledger", Db, "--key-out",
            Path.Combine(dir, "eve.key")).ExitCode);
        Ok("person", "add", "bo", "--role", "approver", "--ledger", Db, "--key", adaKey, "--key-out", boKey);
        string request;
        using (var ledger = SqliteLedger.Open(Db))
            request = new Gatekeeper(ledger).Request("agent:loop", "request:lab/g1-promotion", "promotion", "lab",
                "promote g1").Id;
        Ok("approve", request, "--reason", "real gain", "--ledger", Db, "--key", boKey);
        SignAndWitness();
        Assert.Equal("ok", Verify("--accept-unsigned").Value("status"));

        long person, decision;
        using (var ledger = SqliteLedger.Open(Db))
        {
            var mallory = PersonKey.New();
            person = ledger.Append("user:mallory", ProvStatement.Agent("user:mallory", PersonRecord.Type,
                RecordSignature.Signed(mallory, "user:mallory", PersonRecord.Type,
                    new PersonRecord("admin", mallory.PublicKey, "user:ada").ToAttributes()))).Seq;
            var second = new Gatekeeper(ledger).Request("agent:loop", "request:lab/g2-promotion", "promotion", "lab",
                "promote g2");
            decision = ledger.Append("user:bo", ProvStatement.Activity("decision:lab/g2-promotion", DecisionRecord.Type,
                new DecisionRecord(second.Id, "promotion", true, "user:bo", "forged", 1).ToAttributes())).Seq;
        }
        var verify = Verify("--accept-unsigned", "--accept-unwitnessed");
        Assert.Equal(1, verify.ExitCode);
        Assert.Equal(person.ToString(System.Globalization.CultureInfo.InvariantCulture),
            verify.Value("first_broken_record"));
        Assert.Contains($"person user:mallory (record {person})", verify.Stdout);
        Assert.Contains($"(record {decision}) by user:bo", verify.Stdout);
        Assert.Equal(1, Ok("person", "list", "--ledger", Db, "--json").Stdout.Split("user:bo").Length - 1);
        Assert.DoesNotContain("mallory", Ok("person", "list", "--ledger", Db).Stdout);
    }

    static void RewriteAndRehash(DbLedger ledger, int seq)
    {
        ledger.ExecuteRaw("DROP TRIGGER records_no_update; DROP TRIGGER tree_heads_no_delete");
        var records = ledger.Read().ToList();
        byte[] previous = records[seq - 1].Hash;
        for (int i = seq; i < records.Count; i++)
        {
            string entry = i == seq ? records[i].Entry.Replace("\"i\":", "\"i\":1000", StringComparison.Ordinal)
                : records[i].Entry;
            byte[] hash = LedgerRecord.ChainHash(previous, entry);
            ledger.ExecuteRaw("UPDATE records SET entry = @e, prev_hash = @p, hash = @h WHERE seq = @s",
                ("e", entry), ("p", previous), ("h", hash), ("s", (long)i));
            previous = hash;
        }
    }
}
