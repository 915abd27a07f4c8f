// `successor lineage <id>`: a model's (or any element's) ancestry as a tree — the data, recipe and
// parent it came from, back to the seed data, and the evaluations and approvals that used it.
using Successor.Ledger.Lineage;

namespace Successor.Cli.Commands.Ledger;

public static class LineageCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Id of an entity, activity or agent, e.g. checkpoint:g3" };
        var ledgerOption = LedgerCli.LedgerOption();
        var json = CommonOptions.Json();
        return LedgerCli.CreateCommand("lineage", "Ancestry of a model back to its seed data, as a tree",
            [id, ledgerOption, json], r =>
        {
            using var ledger = LedgerCli.Open(r.GetValue(ledgerOption)!);
            var tree = LineageBuilder.Build(ProvGraph.Load(ledger), r.GetValue(id)!);
            if (r.GetValue(json))
            {
                Console.WriteLine(tree.ToJson().ToJsonString());
                return LedgerCli.Verified;
            }
            Console.Write(tree.Render());
            LedgerCli.Result(false, [("id", tree.Id), ("nodes", tree.NodeCount), ("ledger", ledger.Location)]);
            return LedgerCli.Verified;
        });
    }
}
