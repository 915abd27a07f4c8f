// `successor verify`: recomputes every record hash, chain link, artifact digest and signed tree
// head; prints each problem, names the first broken record, and exits 1 on any tampering.
using System.Text.Json.Nodes;
using Successor.Ledger.Signing;
using Successor.Ledger.Verification;

namespace Successor.Cli.Commands.Ledger;

public static class VerifyCommand
{
    public static Command Create()
    {
        var ledgerOption = LedgerCli.LedgerOption();
        var artifactsOption = LedgerCli.ArtifactsOption();
        var keyOption = LedgerCli.KeyOption();
        var json = CommonOptions.Json();
        return LedgerCli.CreateCommand("verify", "Check the ledger and its artifacts for tampering (exit 1 if any)",
            [ledgerOption, artifactsOption, keyOption, json], r =>
        {
            using var ledger = LedgerCli.Open(r.GetValue(ledgerOption)!);
            var signer = TreeHeadSigner.FromKeyFileIfPresent(r.GetValue(keyOption)!);
            var report = LedgerVerifier.Verify(ledger, LedgerCli.Artifacts(r.GetValue(artifactsOption)!), signer);
            bool asJson = r.GetValue(json);
            foreach (var p in report.Problems)
            {
                if (asJson)
                    Console.WriteLine(new JsonObject { ["event"] = "problem", ["seq"] = p.Seq, ["what"] = p.What }
                        .ToJsonString());
                else Console.WriteLine($"tampered: {p.What}");
            }
            LedgerCli.Result(asJson, [
                ("ledger", ledger.Location),
                ("records", report.Records),
                ("artifacts_checked", report.Artifacts),
                ("tree_heads_checked", report.TreeHeads),
                ("signatures_checked", signer is not null),
                ("problems", report.Problems.Count),
                ("first_broken_record", report.FirstBroken?.Seq),
                ("first_problem", report.FirstBroken?.What),
                ("status", report.Ok ? "ok" : "tampered"),
            ]);
            return report.Ok ? LedgerCli.Verified : LedgerCli.Tampered;
        });
    }
}
