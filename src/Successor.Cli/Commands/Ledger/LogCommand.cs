// `successor log`: the ledger's records in order, one per line, optionally filtered; --sign
// signs and stores a tree head over the log as it is now.
using System.CommandLine;
using System.Text.Json.Nodes;
using Successor.Ledger;
using Successor.Ledger.Statements;
using Successor.Ledger.Proofs;
using Successor.Ledger.Signing;

namespace Successor.Cli.Commands.Ledger;

public static class LogCommand
{
    public static Command Create()
    {
        var ledgerOption = LedgerCli.LedgerOption();
        var keyOption = LedgerCli.KeyOption();
        var from = new Option<long>("--from") { Description = "First record number to show", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "Most records to show (0 = all)", DefaultValueFactory = _ => 0 };
        var id = new Option<string?>("--id") { Description = "Only records whose subject or object is this id" };
        var sign = new Option<bool>("--sign") { Description = "Sign and store a tree head over the current log" };
        var json = LedgerCli.JsonOption();
        var command = new Command("log", "The ledger's records, in order") { ledgerOption, keyOption, from, limit, id, sign, json };
        command.SetAction(r => LedgerCli.Guard(() =>
        {
            if (r.GetValue(limit) < 0) throw new LedgerException($"--limit is {r.GetValue(limit)}; use 0 (all) or a positive number");
            using var ledger = LedgerCli.Open(r.GetValue(ledgerOption)!);
            var records = r.GetValue(id) is { } only
                ? ledger.FindById(only).Where(x => x.Seq >= r.GetValue(from))
                : ledger.Read(r.GetValue(from));
            if (r.GetValue(limit) > 0) records = records.Take(r.GetValue(limit));
            bool asJson = r.GetValue(json);
            int shown = 0;
            foreach (var record in records)
            {
                shown++;
                var e = record.Parse();
                var s = e.Statement;
                if (asJson)
                {
                    Console.WriteLine(new JsonObject { ["event"] = "record", ["seq"] = record.Seq, ["hash"] = Digests.Hex(record.Hash), ["entry"] = JsonNode.Parse(record.Entry) }.ToJsonString());
                    continue;
                }
                string what = s.Object is null ? $"{s.Subject} [{s.Type}]" : $"{s.Subject} → {s.Object}{(s.Type is null ? "" : $" ({s.Type})")}";
                Console.WriteLine($"#{record.Seq} {e.TimeText} {e.Actor} {ProvKinds.Name(s.Kind)} {what}");
            }
            SignedTreeHead? head = null;
            if (r.GetValue(sign))
                head = LedgerProofs.SignTreeHead(ledger, TreeHeadSigner.FromKeyFile(r.GetValue(keyOption)!, create: true));
            var heads = ledger.TreeHeads();
            var latest = head ?? (heads.Count > 0 ? heads[^1] : null);
            LedgerCli.Result(asJson, [
                ("ledger", ledger.Location),
                ("records", ledger.Count()),
                ("shown", shown),
                ("tree_heads", heads.Count),
                ("tree_head_size", latest?.Size),
                ("tree_head_root", latest?.Root),
            ]);
            return LedgerCli.Verified;
        }));
        return command;
    }
}
