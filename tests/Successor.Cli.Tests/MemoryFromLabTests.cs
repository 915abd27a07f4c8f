// research.memory_from end to end through the real executable: an earlier lab's findings begin a new lab's memory,
// copied once from a ledger whose notary signed them, so a resumed run needs the earlier lab no more; a ledger
// edited after the fact, rehashed to hide it, or left without its notary's key is refused by name, before the new
// lab trains anything on what it would have told the researcher.
using Successor.Ledger.Records;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Cli.Tests;

public sealed class MemoryFromLabTests
{
    static string Later(string earlierLedger) => LabFolder.OneGeneration(
        $$"""
        "research": { "proposals": 2, "memory_from": [ { "ledger": {{System.Text.Json.JsonSerializer.Serialize(
            earlierLedger)}}, "lab": "tiny" } ] }
        """);

    static int Findings(string ledgerFile)
    {
        using var ledger = LedgerStore.Open(ledgerFile);
        return ledger.Read().Count(r => r.Parse().Statement is { Kind: ProvKind.Entity, Type: "finding" });
    }

    [Fact]
    public void An_earlier_labs_signed_findings_begin_the_memory_once_and_a_resumed_run_needs_them_no_more()
    {
        using var earlier = new LabFolder(LabFolder.OneGeneration("\"research\": { \"proposals\": 2 }"));
        earlier.Succeed("run");
        int findings = Findings(earlier.Ledger);
        Assert.True(findings >= 2, $"{findings} findings");
        long records;
        using (var ledger = LedgerStore.Open(earlier.Ledger)) records = ledger.Count();

        using var later = new LabFolder(Later(earlier.Ledger));
        var run = later.Succeed("run");
        Assert.Contains($"g0 memory: {findings} findings of lab tiny (ledger of {records} records, head ", run.Stdout);
        var prior = later.Attributes(ProvKind.Entity, "prior-findings:tiny/1");
        Assert.Equal(records, (long)prior["source_records"]!);
        Assert.Equal(findings, prior["findings"]!.AsArray().Count);
        // the same space on both sides: every carried finding is comparable, and the researcher says it saw them
        Assert.Contains($"the memory has {findings} comparable findings", run.Stdout);

        Directory.Delete(earlier.Root, recursive: true);
        Directory.CreateDirectory(earlier.Root); // for its Dispose
        var resumed = later.Succeed("run");
        Assert.DoesNotContain("g0 memory:", resumed.Stdout);
        Assert.Single(later.RecordedTrials(), t => t == "trial:tiny/g1-successor");
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("rehashed")]
    [InlineData("no key")]
    public void A_forged_or_unsigned_earlier_ledger_is_refused_by_name_before_anything_trains(string attack)
    {
        using var earlier = new LabFolder(LabFolder.OneGeneration("\"research\": { \"proposals\": 2 }"));
        earlier.Succeed("run");
        using (var ledger = (DbLedger)LedgerStore.Open(earlier.Ledger))
        {
            ledger.ExecuteRaw("DROP TRIGGER records_no_update");
            var finding = ledger.Read().First(r => r.Parse().Statement is { Type: "finding" });
            // the attack a findings-steering lab would make: its worst change reported as a large gain
            string forged = System.Text.RegularExpressions.Regex.Replace(finding.Entry, "\"effect\":[-0-9.eE]+",
                "\"effect\":9");
            Assert.NotEqual(finding.Entry, forged);
            if (attack == "edited")
                ledger.ExecuteRaw("UPDATE records SET entry = @e WHERE seq = @s", ("e", forged), ("s", finding.Seq));
            if (attack == "rehashed")
            {
                var all = ledger.Read().ToList();
                byte[] previous = finding.Seq == 0 ? LedgerRecord.GenesisHash : all[(int)finding.Seq - 1].Hash;
                for (int i = (int)finding.Seq; i < all.Count; i++)
                {
                    string entry = i == finding.Seq ? forged : all[i].Entry;
                    byte[] hash = LedgerRecord.ChainHash(previous, entry);
                    ledger.ExecuteRaw("UPDATE records SET entry = @e, prev_hash = @p, hash = @h WHERE seq = @s",
                        ("e", entry), ("p", previous), ("h", hash), ("s", (long)i));
                    previous = hash;
                }
            }
        }
        if (attack == "no key") File.Delete(Path.Combine(earlier.Root, "notary.pub"));

        using var later = new LabFolder(Later(earlier.Ledger));
        var refused = SuccessorProcess.Run(later.Args("run"));
        Assert.Equal(2, refused.ExitCode);
        string why = attack == "no key" ? "no notary public key at " : "the ledger does not verify: ";
        Assert.StartsWith($"error: research.memory_from: lab tiny in {earlier.Ledger}: {why}", refused.Stderr);
        Assert.Empty(later.RecordedTrials());
        using var ledgerOfLater = LedgerStore.Open(later.Ledger);
        Assert.DoesNotContain(ledgerOfLater.Read(), r => r.Parse().Statement.Type == "prior-findings");
    }
}
