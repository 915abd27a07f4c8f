// `successor witness`: run by a person, with a state file of their own. Checks that the ledger's signed
// tree heads extend every head this witness saw before (consistency proofs) and that the notary's public
// key is the one it pinned; then remembers the latest head. Exit 0 consistent, 1 inconsistent (the first
// inconsistent tree head is named), 2 bad input.
using Successor.Ledger.Signing;
using Successor.Ledger.Verification;

namespace Successor.Cli.Commands.Ledger;

public static class WitnessCommand
{
    public static Command Create()
    {
        var (ledgerOption, publicKey, json) =
            (LedgerCli.LedgerOption(), LedgerCli.PublicKeyOption(), CommonOptions.Json());
        var state = new Option<string?>("--state")
        {
            Description = "This witness's own state file (heads seen, pinned key); default "
                + $"${WitnessState.PathVariable} or ~/.successor/witness/<ledger>.json",
        };
        var command = new Command("witness", "Check the ledger still extends every tree head this witness saw")
            { ledgerOption, publicKey, state, json };
        command.SetAction(r => LedgerCli.Guard(() =>
        {
            string location = r.GetValue(ledgerOption)!;
            string keyFile = LedgerCli.PublicKey(r.GetValue(publicKey), location);
            string statePath = r.GetValue(state) ?? WitnessState.DefaultPath(location);
            using var ledger = LedgerCli.Open(location);
            var seen = WitnessState.Load(statePath);
            var report = Witness.Check(ledger, TreeHeadKey.FromFile(keyFile), keyFile, seen);
            report.Next?.Save(statePath);
            bool asJson = r.GetValue(json);
            foreach (var p in report.Problems)
                Console.WriteLine(asJson ? new System.Text.Json.Nodes.JsonObject { ["event"] = "problem", ["what"] = p }
                    .ToJsonString() : $"inconsistent: {p}");
            LedgerCli.Result(asJson, [
                ("ledger", ledger.Location),
                ("state", statePath),
                ("heads_remembered", seen?.Heads.Count ?? 0),
                ("tree_head_size", report.Latest?.Size),
                ("tree_head_root", report.Latest?.Root),
                ("first_inconsistent_tree_head",
                    report.FirstInconsistent is { } f ? $"size {f.Size} root {f.Root}" : null),
                ("problems", report.Problems.Count),
                ("first_problem", report.Problems.FirstOrDefault()),
                ("status", report.Ok ? "consistent" : "inconsistent"),
            ]);
            return report.Ok ? LedgerCli.Verified : LedgerCli.Tampered;
        }));
        return command;
    }
}
