// What a process with the lab's rights can do to a SQLite ledger file: drop the append-only triggers,
// rewrite a record and re-chain every hash after it, delete tree heads, and sign its own heads with a
// fresh key. The red-team tests use it against real ledger files.
using System.Text.Json.Nodes;
using Successor.Ledger.Merkle;
using Successor.Ledger.Proofs;
using Successor.Ledger.Records;
using Successor.Ledger.Signing;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Tests.Signing;

static class HostileLedger
{
    public static void Seed(ILedger ledger, int count, int from = 0)
    {
        for (int i = from; i < from + count; i++)
            ledger.Append("lab", ProvStatement.Entity($"note:{i}", "note", new JsonObject { ["i"] = i }));
    }

    public static void DropGuards(DbLedger ledger) => ledger.ExecuteRaw(
        "DROP TRIGGER IF EXISTS records_no_update; DROP TRIGGER IF EXISTS records_no_delete; "
        + "DROP TRIGGER IF EXISTS tree_heads_no_update; DROP TRIGGER IF EXISTS tree_heads_no_delete");

    /// <summary>Changes record `seq`'s "note:" and re-chains every hash after it: the chain looks intact.</summary>
    public static void RewriteAndRehash(DbLedger ledger, long seq)
    {
        DropGuards(ledger);
        var records = ledger.Read().ToList();
        byte[] previous = seq == 0 ? LedgerRecord.GenesisHash : records[(int)seq - 1].Hash;
        for (int i = (int)seq; i < records.Count; i++)
        {
            string entry = i == seq ? records[i].Entry.Replace("\"i\":", "\"i\":1000", StringComparison.Ordinal)
                : records[i].Entry;
            byte[] hash = LedgerRecord.ChainHash(previous, entry);
            ledger.ExecuteRaw("UPDATE records SET entry = @e, prev_hash = @p, hash = @h WHERE seq = @s",
                ("e", entry), ("p", previous), ("h", hash), ("s", (long)i));
            previous = hash;
        }
    }

    public static void DeleteTreeHeads(DbLedger ledger)
    {
        DropGuards(ledger);
        ledger.ExecuteRaw("DELETE FROM tree_heads");
    }

    /// <summary>Signs the log as it is now with a key of the attacker's own, as the notary would.</summary>
    public static (TreeHeadSigner Key, SignedTreeHead Head) ResignWithFreshKey(DbLedger ledger)
    {
        var key = new TreeHeadSigner(Ed25519Keys.NewSeed());
        var leaves = LedgerProofs.LeafHashes(ledger, ledger.Count());
        var head = key.Sign(leaves.Count, MerkleTree.Root(leaves, leaves.Count), DateTimeOffset.UtcNow);
        ledger.SaveTreeHead(head);
        return (key, head);
    }
}
