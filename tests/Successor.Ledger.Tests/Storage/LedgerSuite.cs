// The one test suite every backend must pass (run by SqliteLedgerTests and PostgresLedgerTests):
// appends and chaining, concurrency, every kind of tampering verify must name, proofs a third
// party can check, lineage, PROV-JSON, in-toto provenance, and the SIGKILL crash test.
using System.Text;
using System.Text.Json.Nodes;
using Successor.Ledger.Artifacts;
using Successor.Ledger.Export;
using Successor.Ledger.Lineage;
using Successor.Ledger.Merkle;
using Successor.Ledger.Proofs;
using Successor.Ledger.Statements;
using Successor.Ledger.Attestations;
using Successor.Ledger.Records;
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;
using Successor.Ledger.Verification;

namespace Successor.Ledger.Tests.Storage;

public abstract class LedgerSuite : IDisposable
{
    protected LedgerSuite()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("successor-ledger-").FullName;
        Artifacts = new ArtifactStore(Path.Combine(Directory, "artifacts"));
        Signer = new TreeHeadSigner(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    }

    protected string Directory { get; }

    protected ArtifactStore Artifacts { get; }

    protected TreeHeadSigner Signer { get; }

    /// <summary>A new connection to this test's own, initially empty, ledger.</summary>
    protected abstract DbLedger OpenLedger();

    /// <summary>The same ledger as a location string for another process.</summary>
    protected abstract string WriterLocation { get; }

    /// <summary>SQL that removes the append-only triggers, as an attacker with database access would.</summary>
    protected abstract string DropGuardsSql { get; }

    public virtual void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Appended_records_are_numbered_from_zero_and_chained()
    {
        using var ledger = OpenLedger();
        var a = ledger.Append("lab", ProvStatement.Agent("human:alice", "human-approver"));
        var b = ledger.Append("lab",
            ProvStatement.Entity("dataset:seed", "dataset", new JsonObject { ["rows"] = 100 }));
        Assert.Equal(0, a.Seq);
        Assert.Equal(1, b.Seq);
        Assert.Equal(LedgerRecord.GenesisHash, a.PreviousHash);
        Assert.Equal(a.Hash, b.PreviousHash);
        Assert.Equal(LedgerRecord.ChainHash(a.Hash, b.Entry), b.Hash);

        var read = ledger.Read().ToList();
        Assert.Equal([a.Entry, b.Entry], read.Select(r => r.Entry));
        var entry = read[1].Parse();
        Assert.Equal("dataset:seed", entry.Statement.Subject);
        Assert.Equal(100, entry.Statement.Attributes!["rows"]!.GetValue<long>());
        Assert.Equal(2, ledger.Count());
        Assert.StartsWith("{\"actor\":\"lab\",\"attributes\":{\"rows\":100},\"kind\":\"entity\",\"seq\":1,", b.Entry);
    }

    [Fact]
    public void A_batch_gets_consecutive_numbers_in_one_transaction()
    {
        using var ledger = OpenLedger();
        ledger.Append("lab", ProvStatement.Agent("lab", "software"));
        var batch = ledger.AppendBatch("lab",
            [ProvStatement.Activity("train:g1", "training-run"), ProvStatement.Used("train:g1", "dataset:seed")]);
        Assert.Equal([1L, 2L], batch.Select(r => r.Seq));
        Assert.True(LedgerVerifier.Verify(ledger).Ok);
    }

    [Fact]
    public void A_statement_without_an_id_is_rejected_with_a_one_line_error()
    {
        using var ledger = OpenLedger();
        var e = Assert.Throws<LedgerException>(() => ledger.Append("lab", ProvStatement.Entity("", "dataset")));
        Assert.Contains("id is empty", e.Message);
        Assert.Equal(0, ledger.Count());
    }

    [Fact]
    public void Four_concurrent_writers_produce_one_gap_free_chain_that_verifies()
    {
        const int Writers = 4, Each = 40;
        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, w =>
        {
            using var ledger = OpenLedger();
            for (int i = 0; i < Each; i++) ledger.Append($"writer:{w}", ProvStatement.Entity($"note:{w}-{i}", "note"));
        });
        using var check = OpenLedger();
        var report = LedgerVerifier.Verify(check);
        Assert.True(report.Ok, string.Join("\n", report.Problems.Select(p => p.What)));
        Assert.Equal(Writers * Each, report.Records);
        Assert.Equal(Enumerable.Range(0, Writers * Each).Select(i => (long)i), check.Read().Select(r => r.Seq));
    }

    [Fact]
    public void The_database_refuses_to_update_or_delete_records()
    {
        using var ledger = OpenLedger();
        ledger.Append("lab", ProvStatement.Entity("dataset:seed", "dataset"));
        Assert.ThrowsAny<Exception>(() => ledger.ExecuteRaw("UPDATE records SET actor = 'mallory'"));
        Assert.ThrowsAny<Exception>(() => ledger.ExecuteRaw("DELETE FROM records"));
        Assert.True(LedgerVerifier.Verify(ledger).Ok);
    }

    [Fact]
    public void Verify_names_the_record_whose_payload_changed_by_one_byte()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 10);
        string entry = ledger.Get(4)!.Entry;
        int at = entry.IndexOf("note:4", StringComparison.Ordinal) + 5;
        string tampered = entry[..at] + "5" + entry[(at + 1)..];
        Tamper(ledger, "UPDATE records SET entry = @e WHERE seq = 4", ("e", tampered));

        var report = LedgerVerifier.Verify(ledger);
        Assert.False(report.Ok);
        Assert.Equal(4, report.FirstBroken!.Seq);
        Assert.Contains("payload was changed", report.FirstBroken.What);
    }

    [Fact]
    public void Verify_names_a_record_deleted_from_the_middle()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 10);
        Tamper(ledger, "DELETE FROM records WHERE seq = 5");

        var report = LedgerVerifier.Verify(ledger);
        Assert.Equal(5, report.FirstBroken!.Seq);
        Assert.Contains("record 5: missing", report.FirstBroken.What);
    }

    [Fact]
    public void Verify_names_records_that_were_reordered()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 10);
        var r3 = ledger.Get(3)!;
        var r4 = ledger.Get(4)!;
        const string Swap = "UPDATE records SET entry = @e, prev_hash = @p, hash = @h WHERE seq = @s";
        Tamper(ledger, Swap, ("e", r4.Entry), ("p", r4.PreviousHash), ("h", r4.Hash), ("s", 3L));
        Tamper(ledger, Swap, ("e", r3.Entry), ("p", r3.PreviousHash), ("h", r3.Hash), ("s", 4L));

        var report = LedgerVerifier.Verify(ledger);
        Assert.Equal(3, report.FirstBroken!.Seq);
        Assert.Contains(report.Problems, p => p.What.Contains("record 3: holds the entry of record 4"));
    }

    [Fact]
    public void Verify_names_the_artifact_whose_file_changed_by_one_byte()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 3);
        string digest = Artifacts.Put(Encoding.UTF8.GetBytes("checkpoint weights"));
        ledger.Append("lab", ProvStatement.Artifact("checkpoint:g1", "checkpoint", digest));
        Assert.True(LedgerVerifier.Verify(ledger, Artifacts).Ok);

        string path = Artifacts.PathOf(digest);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bytes = File.ReadAllBytes(path);
        bytes[3] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var report = LedgerVerifier.Verify(ledger, Artifacts);
        Assert.Equal(3, report.FirstBroken!.Seq);
        Assert.Contains($"artifact {digest} of checkpoint:g1", report.FirstBroken.What);
        Assert.Contains("altered", report.FirstBroken.What);
    }

    [Fact]
    public void Verify_catches_history_rewritten_with_recomputed_hashes_through_the_signed_tree_head()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 8);
        LedgerProofs.SignTreeHead(ledger, Signer);
        // Rewrite record 2 and re-chain everything after it: the hash chain alone now looks intact.
        var records = ledger.Read().ToList();
        byte[] previous = records[1].Hash;
        for (int i = 2; i < records.Count; i++)
        {
            string entry = i == 2
                ? records[i].Entry.Replace("note:2", "note:X", StringComparison.Ordinal)
                : records[i].Entry;
            byte[] hash = LedgerRecord.ChainHash(previous, entry);
            Tamper(ledger, "UPDATE records SET entry = @e, prev_hash = @p, hash = @h WHERE seq = @s",
                ("e", entry), ("p", previous), ("h", hash), ("s", (long)i));
            previous = hash;
        }

        var report = LedgerVerifier.Verify(ledger, null, Signer.PublicKey);
        Assert.False(report.Ok);
        Assert.Single(report.Problems);
        Assert.Contains("tree head of size 8", report.FirstBroken!.What);
        Assert.Contains("history was rewritten", report.FirstBroken.What);
    }

    [Fact]
    public void Verify_catches_records_cut_from_the_end_through_the_signed_tree_head()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 6);
        LedgerProofs.SignTreeHead(ledger, Signer);
        Tamper(ledger, "DELETE FROM records WHERE seq >= 4");
        var report = LedgerVerifier.Verify(ledger, null, Signer.PublicKey);
        Assert.Contains("removed from the end", report.FirstBroken!.What);
    }

    [Fact]
    public void A_forged_tree_head_signature_is_reported()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 3);
        var head = LedgerProofs.SignTreeHead(ledger, Signer);
        var other = new TreeHeadSigner(new byte[32]);
        Assert.True(LedgerVerifier.Verify(ledger, null, Signer.PublicKey).Ok);
        Assert.Contains("not the notary's key", LedgerVerifier.Verify(ledger, null, other.PublicKey).FirstBroken!.What);
        Assert.False(Signer.PublicKey.Verify(head with { Root = new string('0', 64) }));
    }

    [Fact]
    public void Signed_tree_heads_cannot_be_deleted_or_changed_through_the_ledgers_connection()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 3);
        LedgerProofs.SignTreeHead(ledger, Signer);
        Assert.ThrowsAny<System.Data.Common.DbException>(() => ledger.ExecuteRaw("DELETE FROM tree_heads"));
        Assert.ThrowsAny<System.Data.Common.DbException>(() => ledger.ExecuteRaw("UPDATE tree_heads SET root = 'x'"));
        Assert.Single(ledger.TreeHeads());
    }

    [Fact]
    public void An_inclusion_proof_checks_out_against_the_published_head_alone_and_fails_when_one_byte_changes()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 13);
        var head = LedgerProofs.SignTreeHead(ledger, Signer);
        for (long seq = 0; seq < 13; seq++)
        {
            string json = LedgerProofs.Inclusion(ledger, seq, head).ToJson().ToJsonString();
            // The third party: only the proof document and the published (root, size).
            var proof = InclusionProof.FromJson(json, "proof.json");
            Assert.True(proof.Check(head.Root, head.Size));

            string entry = proof.Entry;
            int i = entry.IndexOf("note:", StringComparison.Ordinal) + 5;
            Assert.False((proof with { Entry = entry[..i] + "Z" + entry[(i + 1)..] }).Check(head.Root, head.Size));
            Assert.False(proof.Check(FlipHex(head.Root, 7), head.Size));
            if (proof.Path.Count > 0)
            {
                var path = proof.Path.ToList();
                path[0] = FlipHex(path[0], 0);
                Assert.False((proof with { Path = path }).Check(head.Root, head.Size));
            }
        }
    }

    [Fact]
    public void A_consistency_proof_shows_todays_log_extends_yesterdays()
    {
        using var ledger = OpenLedger();
        Seed(ledger, 5);
        var yesterday = LedgerProofs.SignTreeHead(ledger, Signer);
        Seed(ledger, 6, from: 5);
        var today = LedgerProofs.SignTreeHead(ledger, Signer);
        var proof = LedgerProofs.Consistency(ledger, yesterday.Size, today.Size).Select(Convert.FromHexString).ToList();
        Assert.True(MerkleVerifier.VerifyConsistency(yesterday.Size, today.Size,
            Convert.FromHexString(yesterday.Root), Convert.FromHexString(today.Root), proof));
        Assert.False(MerkleVerifier.VerifyConsistency(yesterday.Size, today.Size,
            Convert.FromHexString(FlipHex(yesterday.Root, 0)), Convert.FromHexString(today.Root), proof));
        Assert.Equal(2, ledger.TreeHeads().Count);
    }

    [Fact]
    public void Lineage_of_a_model_reaches_its_seed_data_recipe_parent_evaluations_and_approval()
    {
        using var ledger = OpenLedger();
        RecordTwoGenerations(ledger);
        var tree = LineageBuilder.Build(ProvGraph.Load(ledger), "checkpoint:g2");
        string text = tree.Render();
        string[] ancestry =
        [
            "dataset:seed", "recipe:r1", "checkpoint:g1", "train:g1", "researcher:grid", "eval:g2", "report:g2",
            "promote:g2", "human:alice", "model:g1", "dataset:synth-g1",
        ];
        foreach (var id in ancestry)
            Assert.Contains(id, text);
        Assert.Contains("by (approver) human:alice", text);
        Assert.StartsWith("checkpoint:g2 [entity checkpoint]", text);

        var e = Assert.Throws<LedgerException>(() => LineageBuilder.Build(ProvGraph.Load(ledger), "checkpoint:g9"));
        Assert.Contains("checkpoint:g9", e.Message);
    }

    [Fact]
    public void Export_writes_PROV_JSON_with_every_element_and_relation()
    {
        using var ledger = OpenLedger();
        RecordTwoGenerations(ledger);
        var prov = ProvJsonExporter.Export(ProvGraph.Load(ledger));
        Assert.Equal("checkpoint", prov["entity"]!["checkpoint:g2"]!["prov:type"]!.GetValue<string>());
        Assert.Equal("training-run", prov["activity"]!["train:g2"]!["prov:type"]!.GetValue<string>());
        Assert.NotNull(prov["agent"]!["human:alice"]);
        Assert.NotNull(prov["prefix"]!["checkpoint"]);
        var used = prov["used"]!.AsObject().Select(kv => kv.Value!).ToList();
        Assert.Contains(used, u => u["prov:activity"]!.GetValue<string>() == "train:g2"
            && u["prov:entity"]!.GetValue<string>() == "checkpoint:g1");
        Assert.Contains(prov["wasAssociatedWith"]!.AsObject(),
            kv => kv.Value!["prov:role"]?.GetValue<string>() == "approver");
        Assert.NotEmpty(prov["wasDerivedFrom"]!.AsObject());
        Assert.NotEmpty(prov["wasGeneratedBy"]!.AsObject());
    }

    [Fact]
    public void A_promotion_stores_an_in_toto_statement_with_SLSA_provenance()
    {
        using var ledger = OpenLedger();
        RecordTwoGenerations(ledger);
        var graph = ProvGraph.Load(ledger);
        var attestation = graph.Elements.Single(e => e.Statement.Type == "in-toto-statement");
        var statement = JsonNode.Parse(Artifacts.ReadAllBytes(attestation.Statement.Digest!))!;
        Assert.Equal("https://in-toto.io/Statement/v1", statement["_type"]!.GetValue<string>());
        Assert.Equal("https://slsa.dev/provenance/v1", statement["predicateType"]!.GetValue<string>());
        string weights = Digests.Normalize(graph.Element("checkpoint:g2")!.Statement.Digest!);
        Assert.Equal(weights, statement["subject"]![0]!["digest"]!["sha256"]!.GetValue<string>());
        var deps = statement["predicate"]!["buildDefinition"]!["resolvedDependencies"]!.AsArray()
            .Select(d => d!["name"]!.GetValue<string>());
        Assert.Equal(["checkpoint:g1", "dataset:synth-g1", "recipe:r1"], deps.Order());
        Assert.True(LedgerVerifier.Verify(ledger, Artifacts).Ok);
    }

    [Fact]
    public void Writers_killed_20_times_at_random_lose_no_acknowledged_record()
    {
        using (OpenLedger()) { } // schema first, as a lab does at start-up
        var result = CrashHarness.Run(WriterLocation, Path.Combine(Directory, "artifacts"), kills: 20, seed: 4242);
        Assert.Equal(20, result.Kills);
        Assert.True(result.Acknowledged.Count > 40, $"only {result.Acknowledged.Count} acknowledged appends");

        using var ledger = OpenLedger();
        var report = LedgerVerifier.Verify(ledger, Artifacts);
        Assert.True(report.Ok, string.Join("\n", report.Problems.Select(p => p.What)));
        var bySeq = ledger.Read().ToDictionary(r => r.Seq, r => r.Parse().Statement.Subject);
        foreach (var (seq, subject) in result.Acknowledged)
            Assert.True(bySeq.TryGetValue(seq, out var s) && s == subject,
                $"acknowledged record {seq} ({subject}) is missing");
        // Every file visible in the store is whole: its name is its digest.
        foreach (var digest in Artifacts.List())
            Assert.Equal(ArtifactState.Intact, Artifacts.Check(digest).State);
    }

    // --- helpers -----------------------------------------------------------------------------

    protected void Tamper(DbLedger ledger, string sql, params (string, object?)[] parameters)
    {
        ledger.ExecuteRaw(DropGuardsSql);
        ledger.ExecuteRaw(sql, parameters);
    }

    protected static void Seed(ILedger ledger, int count, int from = 0)
    {
        for (int i = from; i < from + count; i++)
            ledger.Append("lab", ProvStatement.Entity($"note:{i}", "note", new JsonObject { ["i"] = i }));
    }

    private static string FlipHex(string hex, int at) =>
        hex[..at] + (hex[at] == '0' ? '1' : '0') + hex[(at + 1)..];

    /// <summary>Seed data → g1 → model-generated data → g2 → evaluation → human-approved promotion.</summary>
    protected void RecordTwoGenerations(ILedger ledger) => Writer.DemoLineage.Record(ledger, Artifacts);
}
