// `successor log`: the ledger's records in order, one per line, optionally filtered; --sign has
// the notary sign and store a tree head over the log as it is now.
using System.Text.Json.Nodes;
using Successor.Ledger;
using Successor.Ledger.Proofs;
using Successor.Ledger.Queries;
using Successor.Ledger.Records;
using Successor.Ledger.Statements;

namespace Successor.Cli.Commands.Ledger;

public static class LogCommand
{
    public static Command Create()
    {
        var ledgerOption = LedgerCli.LedgerOption();
        var judge = LedgerCli.JudgeOption();
        var from = new Option<long>("--from")
            { Description = "First record number to show", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit")
            { Description = "Most records to show (0 = all)", DefaultValueFactory = _ => 0 };
        var id = new Option<string?>("--id") { Description = "Only records whose subject or object is this id" };
        var sign = new Option<bool>("--sign")
            { Description = "Have the notary sign and store a tree head over the current log" };
        var json = CommonOptions.Json();
        return LedgerCli.CreateCommand("log", "The ledger's records, in order",
            [ledgerOption, judge, from, limit, id, sign, json], r =>
        {
            var query = new LogQuery(r.GetValue(from), r.GetValue(limit), r.GetValue(id));
            using var ledger = LedgerCli.Open(r.GetValue(ledgerOption)!);
            bool asJson = r.GetValue(json);
            int shown = 0;
            foreach (var record in query.Records(ledger))
            {
                shown++;
                var entry = record.Parse();
                Console.WriteLine(asJson ? JsonLine(record) : TextLine(record, entry));
            }
            var head = r.GetValue(sign) ? LedgerProofs.SignTreeHead(ledger,
                    LedgerCli.Judge(r.GetValue(judge), r.GetValue(ledgerOption)!)) : null;
            var summary = LogSummary.Of(ledger, head);
            LedgerCli.Result(asJson, [
                ("ledger", ledger.Location),
                ("records", summary.Records),
                ("shown", shown),
                ("tree_heads", summary.TreeHeads),
                ("tree_head_size", summary.Latest?.Size),
                ("tree_head_root", summary.Latest?.Root),
            ]);
            return LedgerCli.Verified;
        });
    }

    private static string JsonLine(LedgerRecord record) => new JsonObject
    {
        ["event"] = "record",
        ["seq"] = record.Seq,
        ["hash"] = Digests.Hex(record.Hash),
        ["entry"] = JsonNode.Parse(record.Entry),
    }.ToJsonString();

    private static string TextLine(LedgerRecord record, LedgerEntry e)
    {
        var s = e.Statement;
        string what = s.Object is null
            ? $"{s.Subject} [{s.Type}]"
            : $"{s.Subject} → {s.Object}{(s.Type is null ? "" : $" ({s.Type})")}";
        return $"#{record.Seq} {e.TimeText} {e.Actor} {ProvKinds.Name(s.Kind)} {what}";
    }
}
