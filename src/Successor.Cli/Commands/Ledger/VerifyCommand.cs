// `successor verify`: recomputes every record hash, chain link, artifact digest and signed tree head;
// checks that people, revocations and gate decisions are signed by who they must be; and fails on
// history no notary signed or no witness saw unless told to accept it (--accept-unsigned,
// --accept-unwitnessed). Without the notary's public key it cannot pass unless told --accept-unsigned.
// Prints each problem, names the first, and exits 1 on any (2 on bad input).
using System.Text.Json.Nodes;
using Successor.Ledger;
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;
using Successor.Ledger.Verification;
using Successor.Safety.Gates;

namespace Successor.Cli.Commands.Ledger;

public static class VerifyCommand
{
    public static Command Create()
    {
        var ledgerOption = LedgerCli.LedgerOption();
        var artifactsOption = LedgerCli.ArtifactsOption();
        var publicKey = LedgerCli.PublicKeyOption();
        var witnessState = new Option<string?>("--witness-state")
            { Description = "A witness's state file (default the one `successor witness` keeps for this ledger)" };
        var acceptUnsigned = new Option<bool>("--accept-unsigned")
            { Description = "Pass even with records no notary signed (or without the public key)" };
        var acceptUnwitnessed = new Option<bool>("--accept-unwitnessed")
            { Description = "Pass even with records no witness has seen" };
        var json = CommonOptions.Json();
        return LedgerCli.CreateCommand("verify",
            "Check the ledger, its signatures and its artifacts for tampering (exit 1 if any)",
            [ledgerOption, artifactsOption, publicKey, witnessState, acceptUnsigned, acceptUnwitnessed, json], r =>
        {
            string location = r.GetValue(ledgerOption)!;
            string keyFile = LedgerCli.PublicKey(r.GetValue(publicKey), location);
            var (allowUnsigned, allowUnwitnessed) = (r.GetValue(acceptUnsigned), r.GetValue(acceptUnwitnessed));
            var key = TreeHeadKey.FromFileIfPresent(keyFile);
            if (key is null && !allowUnsigned)
                throw new LedgerException($"public key {keyFile}: not found; verify cannot check signatures without "
                    + "the notary's public key — pass --public-key FILE, or --accept-unsigned to check hashes only");
            using var ledger = LedgerCli.Open(location);
            var report = LedgerVerifier.Verify(ledger, LedgerCli.Artifacts(r.GetValue(artifactsOption)!), key);
            var tampered = report.Problems.Select(p => (p.Seq, p.What)).ToList();
            tampered.AddRange(People(ledger, key));

            long signedSize = Math.Max(0, report.SignedSize);
            string? unsigned = report.Records > signedSize || report.SignedSize < 0
                ? report.SignedSize < 0
                    ? $"no tree head signed by the notary{(key is null ? $" can be checked (no public key {keyFile})"
                        : "")}; all {report.Records} records are unsigned"
                    : $"records {signedSize} to {report.Records - 1} come after the last signed tree head (size "
                        + $"{signedSize}); they are unsigned — run `successor notary sign`"
                : null;

            string statePath = r.GetValue(witnessState) ?? WitnessState.DefaultPath(location);
            var state = WitnessState.Load(statePath);
            long witnessed = -1;
            if (state is not null)
            {
                var pinned = TreeHeadKey.FromHex(state.PublicKey, $"witness state {statePath}");
                var seen = Witness.Check(ledger, key ?? pinned, keyFile, state);
                tampered.AddRange(seen.Problems.Select(p => ((long?)null, p)));
                witnessed = seen.WitnessedSize;
            }
            string? unwitnessed = state is null
                ? $"no witness state at {statePath}: no witness has seen this ledger — run `successor witness`"
                : report.Records > Math.Max(0, witnessed)
                    ? $"records {Math.Max(0, witnessed)} to {report.Records - 1}: no witness has seen them (last "
                        + $"witnessed tree head size {Math.Max(0, witnessed)}) — run `successor witness`"
                    : null;

            bool asJson = r.GetValue(json);
            var lines = tampered.Select(t => ("tampered", t.Seq, t.What)).ToList();
            if (unsigned is not null) lines.Add((allowUnsigned ? "accepted-unsigned" : "unsigned", null, unsigned));
            if (unwitnessed is not null)
                lines.Add((allowUnwitnessed ? "accepted-unwitnessed" : "unwitnessed", null, unwitnessed));
            foreach (var (kind, seq, what) in lines)
                Console.WriteLine(asJson
                    ? new JsonObject { ["event"] = kind, ["seq"] = seq, ["what"] = what }.ToJsonString()
                    : $"{kind}: {what}");
            string status = tampered.Count > 0 ? "tampered"
                : unsigned is not null && !allowUnsigned ? "unsigned"
                : unwitnessed is not null && !allowUnwitnessed ? "unwitnessed"
                : "ok";
            var first = tampered.OrderBy(t => t.Seq ?? long.MaxValue).FirstOrDefault();
            LedgerCli.Result(asJson, [
                ("ledger", ledger.Location),
                ("records", report.Records),
                ("artifacts_checked", report.Artifacts),
                ("tree_heads_checked", report.TreeHeads),
                ("signatures_checked", key is not null),
                ("public_key", key is null ? null : $"{keyFile} ({key.KeyId})"),
                ("signed_size", report.SignedSize < 0 ? null : report.SignedSize),
                ("unsigned", unsigned is null ? "none" : allowUnsigned ? "accepted" : "refused"),
                ("witness_state", state is null ? null : statePath),
                ("witnessed_size", witnessed < 0 ? null : witnessed),
                ("unwitnessed", unwitnessed is null ? "none" : allowUnwitnessed ? "accepted" : "refused"),
                ("problems", tampered.Count),
                ("first_broken_record", first.Seq),
                ("first_problem", first.What ?? (status == "unsigned" ? unsigned : status == "unwitnessed"
                    ? unwitnessed : null)),
                ("status", status),
            ]);
            return status == "ok" ? LedgerCli.Verified : LedgerCli.Tampered;
        });
    }

    /// <summary>Person, revocation and decision records that do not count: unsigned, forged, or signed by
    /// someone without the role.</summary>
    static IEnumerable<(long? Seq, string What)> People(ILedger ledger, TreeHeadKey? judge) =>
        Roster.Of(ledger, judge).Rejected.Concat(new Gatekeeper(ledger).AllRejected())
            .Select(r => ((long?)r.Seq, r.Why));
}
