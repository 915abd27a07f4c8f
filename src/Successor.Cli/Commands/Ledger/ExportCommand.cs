// `successor export --prov`: the whole ledger as W3C PROV-JSON, to stdout or a file.
using Successor.Ledger;
using Successor.Ledger.Export;

namespace Successor.Cli.Commands.Ledger;

public static class ExportCommand
{
    public static Command Create()
    {
        var prov = new Option<bool>("--prov") { Description = "Write W3C PROV-JSON (the only format so far)" };
        var output = new Option<string?>("--output")
            { Description = "File to write; default stdout (then only the JSON is printed)" };
        var ledgerOption = LedgerCli.LedgerOption();
        return LedgerCli.CreateCommand("export", "Export the ledger (PROV-JSON)", [prov, output, ledgerOption], r =>
        {
            if (!r.GetValue(prov)) throw new LedgerException("export: no format chosen; add --prov for W3C PROV-JSON");
            using var ledger = LedgerCli.Open(r.GetValue(ledgerOption)!);
            string text = ProvJsonExporter.ExportText(ledger);
            if (r.GetValue(output) is not { } path)
            {
                Console.WriteLine(text);
                return LedgerCli.Verified;
            }
            File.WriteAllText(path, text + "\n");
            LedgerCli.Result(false, [("output", path), ("records", ledger.Count()), ("format", "prov-json")]);
            return LedgerCli.Verified;
        });
    }
}
