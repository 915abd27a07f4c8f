// `successor prove <id>`: an RFC 6962 inclusion proof that a record is in the log, against a
// signed tree head (the latest that covers it; one is signed if none does). The --json document
// is all a third party needs: `successor prove --check proof.json --root R --size N` (or any
// RFC 6962 verifier) checks it with the published tree head alone. --consistency-from M proves
// the current head extends the earlier head of size M.
using System.CommandLine;
using Successor.Ledger;
using Successor.Ledger.Merkle;
using Successor.Ledger.Proofs;
using Successor.Ledger.Signing;

namespace Successor.Cli.Commands.Ledger;

public static class ProveCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "Record number or element id (e.g. checkpoint:g3)", Arity = ArgumentArity.ZeroOrOne };
        var ledgerOption = LedgerCli.LedgerOption();
        var keyOption = LedgerCli.KeyOption();
        var output = new Option<string?>("--output") { Description = "Also write the proof document (JSON) to this file" };
        var check = new Option<string?>("--check") { Description = "Check a proof document instead of making one" };
        var root = new Option<string?>("--root") { Description = "With --check: the published root (hex) to check against" };
        var size = new Option<long?>("--size") { Description = "With --check: the published tree size" };
        var consistencyFrom = new Option<long?>("--consistency-from") { Description = "Prove the latest tree head extends the stored head of this size" };
        var json = LedgerCli.JsonOption();
        var command = new Command("prove", "Inclusion (or consistency) proof a third party can check")
            { id, ledgerOption, keyOption, output, check, root, size, consistencyFrom, json };
        command.SetAction(r => LedgerCli.Guard(() =>
        {
            bool asJson = r.GetValue(json);
            if (r.GetValue(check) is { } file) return Check(file, r.GetValue(root), r.GetValue(size), r.GetValue(keyOption)!, asJson);
            using var ledger = LedgerCli.Open(r.GetValue(ledgerOption)!);
            if (r.GetValue(consistencyFrom) is { } oldSize) return Consistency(ledger, oldSize, asJson);
            if (r.GetValue(id) is not { } target)
                throw new LedgerException("prove: no record given; pass a record number or id, or --check FILE, or --consistency-from SIZE");

            var record = LedgerCli.Resolve(ledger, target);
            var head = ledger.TreeHeads().LastOrDefault(h => h.Size > record.Seq)
                ?? LedgerProofs.SignTreeHead(ledger, TreeHeadSigner.FromKeyFile(r.GetValue(keyOption)!, create: true));
            var proof = LedgerProofs.Inclusion(ledger, record.Seq, head);
            var document = proof.ToJson();
            if (r.GetValue(output) is { } path) File.WriteAllText(path, document.ToJsonString() + "\n");
            if (asJson)
            {
                Console.WriteLine(document.ToJsonString());
                return LedgerCli.Verified;
            }
            LedgerCli.Result(asJson, [
                ("record", record.Seq),
                ("leaf_hash", proof.LeafHash),
                ("tree_size", head.Size),
                ("root", head.Root),
                ("signed", head.Time),
                ("key_id", head.KeyId),
                ("path", string.Join(",", proof.Path)),
                ("output", r.GetValue(output)),
                ("verified", proof.Check(head.Root, head.Size)),
            ]);
            return LedgerCli.Verified;
        }));
        return command;
    }

    private static int Check(string file, string? root, long? size, string keyFile, bool asJson)
    {
        if (!File.Exists(file)) throw new LedgerException($"proof {file}: file not found; write one with `successor prove <id> --output {file}`");
        if ((root is null) != (size is null)) throw new LedgerException("prove --check: give both --root and --size of the published tree head, or neither");
        var proof = InclusionProof.FromJson(File.ReadAllText(file), $"proof {file}");
        string againstRoot = root?.ToLowerInvariant() ?? proof.TreeHead.Root;
        long againstSize = size ?? proof.TreeHead.Size;
        bool included = proof.Check(againstRoot, againstSize);
        var signer = LedgerCli.SignerIfPresent(keyFile);
        bool? signatureOk = signer is null ? null : signer.Verify(proof.TreeHead);
        bool ok = included && signatureOk != false;
        LedgerCli.Result(asJson, [
            ("record", proof.LeafIndex),
            ("tree_size", againstSize),
            ("root", againstRoot),
            ("included", included),
            ("signature_valid", signatureOk),
            ("status", ok ? "ok" : "failed"),
        ]);
        return ok ? LedgerCli.Verified : LedgerCli.Tampered;
    }

    private static int Consistency(Successor.Ledger.Storage.ILedger ledger, long oldSize, bool asJson)
    {
        var heads = ledger.TreeHeads();
        var old = heads.FirstOrDefault(h => h.Size == oldSize)
            ?? throw new LedgerException($"--consistency-from {oldSize}: no stored tree head has that size; sizes are {string.Join(", ", heads.Select(h => h.Size))}");
        var latest = heads[^1];
        var proof = LedgerProofs.Consistency(ledger, old.Size, latest.Size);
        bool ok = MerkleVerifier.VerifyConsistency(old.Size, latest.Size, Convert.FromHexString(old.Root), Convert.FromHexString(latest.Root),
            proof.Select(Convert.FromHexString).ToList());
        LedgerCli.Result(asJson, [
            ("old_size", old.Size),
            ("old_root", old.Root),
            ("new_size", latest.Size),
            ("new_root", latest.Root),
            ("proof", string.Join(",", proof)),
            ("consistent", ok),
        ]);
        return ok ? LedgerCli.Verified : LedgerCli.Tampered;
    }
}
