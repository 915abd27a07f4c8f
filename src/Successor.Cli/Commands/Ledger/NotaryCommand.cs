// `successor notary sign`: the notary, run as its own process (by the lab at its start and after every
// generation, or by a person). It signs a tree head over the log as it is now only if the log extends the
// head it signed last; a rewritten log is refused, naming that head. Exit 0 signed, 1 refused or a problem
// found (a replaced public key, a deleted or forged head), 2 bad input.
using Successor.Ledger.Signing;

namespace Successor.Cli.Commands.Ledger;

public static class NotaryCommand
{
    public static Command Create()
    {
        var command = new Command("notary", "The notary: holds the tree-head signing key in the judge folder");
        command.Subcommands.Add(Sign());
        return command;
    }

    static Command Sign()
    {
        var (ledgerOption, judge, json) = (LedgerCli.LedgerOption(), LedgerCli.JudgeOption(), CommonOptions.Json());
        var command = new Command("sign", "Sign a tree head over the ledger if it extends the last one signed")
            { ledgerOption, judge, json };
        command.SetAction(r => LedgerCli.Guard(() =>
        {
            string location = r.GetValue(ledgerOption)!;
            using var ledger = LedgerCli.Open(location);
            var notary = new Notary(LedgerCli.Judge(r.GetValue(judge), location));
            var outcome = notary.Sign(ledger);
            foreach (var problem in outcome.Problems) Console.Error.WriteLine($"notary: {problem}");
            LedgerCli.Result(r.GetValue(json), [
                ("ledger", ledger.Location),
                ("signed", outcome.Signed is not null),
                ("tree_head_size", outcome.Signed?.Size),
                ("tree_head_root", outcome.Signed?.Root),
                ("key_id", outcome.Signed?.KeyId),
                ("public_key", notary.PublicKeyFile),
                ("problems", outcome.Problems.Count),
                ("first_problem", outcome.Problems.FirstOrDefault()),
                ("status", outcome.Ok ? "signed" : outcome.Signed is null ? "refused" : "signed-with-problems"),
            ]);
            return outcome.Ok ? LedgerCli.Verified : LedgerCli.Tampered;
        }));
        return command;
    }
}
