// `successor prove <id>`: an RFC 6962 inclusion proof that a record is in the log, against a
// signed tree head (the latest that covers it; the notary signs one if none does). The --json document
// is all a third party needs: `successor prove --check proof.json --root R --size N` (or any
// RFC 6962 verifier) checks it with the published tree head alone. --consistency-from M proves
// the current head extends the earlier head of size M.
using Successor.Ledger;
using Successor.Ledger.Proofs;

namespace Successor.Cli.Commands.Ledger;

public static class ProveCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id")
            { Description = "Record number or element id (e.g. checkpoint:g3)", Arity = ArgumentArity.ZeroOrOne };
        var ledgerOption = LedgerCli.LedgerOption();
        var (judge, publicKey) = (LedgerCli.JudgeOption(), LedgerCli.PublicKeyOption());
        var output = new Option<string?>("--output")
            { Description = "Also write the proof document (JSON) to this file" };
        var check = new Option<string?>("--check") { Description = "Check a proof document instead of making one" };
        var root = new Option<string?>("--root")
            { Description = "With --check: the published root (hex) to check against" };
        var size = new Option<long?>("--size") { Description = "With --check: the published tree size" };
        var consistencyFrom = new Option<long?>("--consistency-from")
            { Description = "Prove the latest tree head extends the stored head of this size" };
        var json = CommonOptions.Json();
        return LedgerCli.CreateCommand("prove", "Inclusion (or consistency) proof a third party can check",
            [id, ledgerOption, judge, publicKey, output, check, root, size, consistencyFrom, json], r =>
        {
            bool asJson = r.GetValue(json);
            if (r.GetValue(check) is { } file)
                return Print(ProofCheck.Run(file, r.GetValue(root), r.GetValue(size),
                    LedgerCli.PublicKey(r.GetValue(publicKey), r.GetValue(ledgerOption)!)), asJson);
            using var ledger = LedgerCli.Open(r.GetValue(ledgerOption)!);
            if (r.GetValue(consistencyFrom) is { } oldSize) return Print(ConsistencyCheck.Run(ledger, oldSize), asJson);
            if (r.GetValue(id) is not { } target)
                throw new LedgerException(
                    "prove: no record given; pass a record number or id, or --check FILE, or --consistency-from SIZE");

            var made = RecordProof.Make(ledger, target, LedgerCli.Judge(r.GetValue(judge), r.GetValue(ledgerOption)!));
            var (proof, head) = (made.Proof, made.Head);
            var document = proof.ToJson();
            if (r.GetValue(output) is { } path) File.WriteAllText(path, document.ToJsonString() + "\n");
            if (asJson)
            {
                Console.WriteLine(document.ToJsonString());
                return LedgerCli.Verified;
            }
            LedgerCli.Result(asJson, [
                ("record", made.Record.Seq),
                ("leaf_hash", proof.LeafHash),
                ("tree_size", head.Size),
                ("root", head.Root),
                ("signed", head.Time),
                ("key_id", head.KeyId),
                ("path", string.Join(",", proof.Path)),
                ("output", r.GetValue(output)),
                ("verified", made.Verified),
            ]);
            return LedgerCli.Verified;
        });
    }

    private static int Print(ProofCheck check, bool asJson)
    {
        LedgerCli.Result(asJson, [
            ("record", check.Record),
            ("tree_size", check.TreeSize),
            ("root", check.Root),
            ("included", check.Included),
            ("signature_valid", check.SignatureValid),
            ("status", check.Ok ? "ok" : "failed"),
        ]);
        return check.Ok ? LedgerCli.Verified : LedgerCli.Tampered;
    }

    private static int Print(ConsistencyCheck check, bool asJson)
    {
        LedgerCli.Result(asJson, [
            ("old_size", check.Old.Size),
            ("old_root", check.Old.Root),
            ("new_size", check.Latest.Size),
            ("new_root", check.Latest.Root),
            ("proof", string.Join(",", check.Proof)),
            ("consistent", check.Consistent),
        ]);
        return check.Consistent ? LedgerCli.Verified : LedgerCli.Tampered;
    }
}
