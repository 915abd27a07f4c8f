// Findings carried over from earlier labs (research.memory_from): what an earlier search learned about the same
// recipe space, so a new lab's researcher does not start blind. They are copied once, at the lab's first start,
// from ledgers that verify end to end, and recorded with the size and head hash of each source, so the audit can
// say exactly what the researcher was given and a resumed run never reads the earlier labs again.
using Successor.Lab.Config;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Ledger.Verification;
using Successor.Research;

namespace Successor.Lab.Loop;

sealed class PriorFindings(LabContext lab)
{
    /// <summary>Copies each earlier lab's findings into this ledger unless already recorded.</summary>
    public void Record()
    {
        var sources = lab.Config.Research.MemoryFrom ?? [];
        for (int i = 0; i < sources.Count; i++)
        {
            string id = lab.Journal.Id(PriorFindingsRecord.Type, $"{i + 1}");
            if (lab.Journal.Get(id) is not null) continue;
            var record = Read(sources[i]);
            lab.Journal.Record(ProvStatement.Entity(id, PriorFindingsRecord.Type, record.ToAttributes()));
            lab.Report(new(0, "memory", $"{record.Findings.Count} findings of lab {record.SourceLab} " +
                $"(ledger of {record.SourceRecords} records, head {record.SourceHead[..12]}) begin the memory"));
        }
    }

    /// <summary>The recorded findings of every earlier lab, in the order lab.json lists them.</summary>
    public static List<Finding> Of(LabJournal journal) =>
        [.. journal.All(journal.Id(PriorFindingsRecord.Type, "")).Select(x => PriorFindingsRecord.From(x.Attributes))
            .SelectMany(r => r.Findings.Select(f => new Finding(f.Generation, f.Proposal, [.. f.Overrides], f.Steps,
                f.Score, f.Effect, f.Low, f.High) { Source = r.SourceLab }))];

    PriorFindingsRecord Read(MemorySource source)
    {
        LabConfigException Refuse(string why) =>
            new($"research.memory_from: lab {source.Lab} in {source.Ledger}: {why}");
        if (source.Lab == lab.Config.Name && SameLedger(source.Ledger, lab.Journal.Ledger.Location))
            throw Refuse("that is this lab");
        ILedger ledger;
        try { ledger = LedgerStore.OpenExisting(source.Ledger); }
        catch (Exception e) when (e is Successor.Ledger.LedgerException or IOException
            or Microsoft.Data.Sqlite.SqliteException)
        { throw Refuse($"cannot be opened: {e.Message}"); }
        using (ledger)
        {
            // signed heads, not the hashes alone: whoever can write the file can rehash a rewritten chain, but not
            // forge the notary's signature over its root
            string keyFile = Successor.Ledger.Signing.JudgeFolder.PublicKeyOf(source.Ledger);
            var key = Successor.Ledger.Signing.TreeHeadKey.FromFileIfPresent(keyFile)
                ?? throw Refuse($"no notary public key at {keyFile}, so its findings cannot be checked");
            var report = LedgerVerifier.Verify(ledger, null, key);
            if (!report.Ok) throw Refuse($"the ledger does not verify: {report.FirstBroken!.What}");
            // one pass: the lab's findings with where each lies in the log
            string prefix = $"{FindingRecord.Type}:{source.Lab}/";
            var recorded = ledger.Read().Select(r => (r.Seq, r.Parse().Statement))
                .Where(x => x.Statement.Kind == ProvKind.Entity && x.Statement.Attributes is not null
                    && x.Statement.Subject.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (recorded.Count > 0 && recorded[^1].Seq >= report.SignedSize)
                throw Refuse($"its notary signed the ledger up to record {report.SignedSize - 1} only, and the " +
                    $"findings run to record {recorded[^1].Seq}");
            var findings = recorded.Select(x => FindingRecord.From(x.Statement.Attributes!))
                .Select(f => new PriorFindingsRecord.Entry(f.Generation, f.Proposal, f.Overrides, f.Steps, f.Score,
                    f.Effect, f.Low, f.High)).ToList();
            if (findings.Count == 0) throw Refuse("the ledger holds no findings of that lab");
            long count = ledger.Count();
            var head = ledger.Get(count - 1)!;
            return new PriorFindingsRecord(Redacted(source.Ledger), source.Lab, count,
                Convert.ToHexStringLower(head.Hash), findings);
        }
    }

    /// <summary>The ledger's location without a password a connection string may carry: the record is
    /// public.</summary>
    static string Redacted(string location) => System.Text.RegularExpressions.Regex.Replace(location,
        @"(?i)(password|pwd)\s*=[^;]*", "$1=…");

    static bool SameLedger(string a, string b) =>
        a == b || (!a.Contains('=') && !b.Contains('=') && Path.GetFullPath(a) == Path.GetFullPath(b));
}
