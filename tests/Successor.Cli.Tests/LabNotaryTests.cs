// The lab has the notary sign as a separate process at its start and after every generation. A ledger
// rewritten and re-hashed between runs is refused by the notary; the lab records that as a critical
// incident naming the tree head the ledger no longer extends, and waits for a person before going on.
using System.Text.Json.Nodes;
using Successor.Ledger.Records;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Safety.Incidents;

namespace Successor.Cli.Tests;

public sealed class LabNotaryTests
{
    [Fact]
    public void A_ledger_rewritten_between_runs_is_refused_by_the_notary_and_recorded_as_an_incident_naming_the_head()
    {
        using var lab = new LabFolder();
        using (var ledger = LedgerStore.Open(lab.Ledger))
            for (int i = 0; i < 6; i++)
                ledger.Append("agent:loop", ProvStatement.Entity($"note:{i}", "note", new JsonObject { ["i"] = i }));
        var signed = SuccessorProcess.Run("notary", "sign", "--ledger", lab.Ledger);
        Assert.True(signed.ExitCode == 0, signed.Stderr);
        string root = signed.Value("tree_head_root");

        using (var ledger = SqliteLedger.Open(lab.Ledger))
        {
            ledger.ExecuteRaw("DROP TRIGGER records_no_update");
            var records = ledger.Read().ToList();
            byte[] previous = records[1].Hash;
            for (int i = 2; i < records.Count; i++)
            {
                string entry = i == 2 ? records[i].Entry.Replace("\"i\":2", "\"i\":7", StringComparison.Ordinal)
                    : records[i].Entry;
                byte[] hash = LedgerRecord.ChainHash(previous, entry);
                ledger.ExecuteRaw("UPDATE records SET entry = @e, prev_hash = @p, hash = @h WHERE seq = @s",
                    ("e", entry), ("p", previous), ("h", hash), ("s", (long)i));
                previous = hash;
            }
        }

        var run = SuccessorProcess.Run(lab.Args("run"));
        Assert.True(run.ExitCode == 4, $"expected the lab to wait for a person (exit 4): {run.Stderr}{run.Stdout}");
        using var after = LedgerStore.Open(lab.Ledger);
        var incident = Assert.Single(new IncidentLog(after).All("tiny"), i => i.Kind == "ledger-history");
        Assert.Equal(Severity.Critical, incident.Severity);
        Assert.Contains($"tree head of size 6 (root {root}", incident.Detail);
        Assert.Contains("history was rewritten", incident.Detail);
        Assert.Single(after.TreeHeads());
    }
}
