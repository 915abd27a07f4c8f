// A self-contained inclusion proof: the record's entry, its place in the tree and the audit path
// up to a signed tree head. Anyone can check it with SHA-256 alone against the root the lab
// published; nothing else from the log is needed.
using System.Text;
using System.Text.Json.Nodes;
using Successor.Ledger.Merkle;
using Successor.Ledger.Signing;

namespace Successor.Ledger.Proofs;

public sealed record InclusionProof(string Entry, long LeafIndex, IReadOnlyList<string> Path, SignedTreeHead TreeHead)
{
    public string LeafHash => Digests.Hex(MerkleTree.LeafHash(Encoding.UTF8.GetBytes(Entry)));

    /// <summary>True when the path leads from the entry's leaf hash to <paramref name="publishedRoot"/>.</summary>
    public bool Check(string publishedRoot, long publishedSize)
    {
        if (publishedSize != TreeHead.Size) return false;
        var path = Path.Select(h => Digests.FromHex(h, "inclusion proof path")).ToList();
        return MerkleVerifier.VerifyInclusion(
            MerkleTree.LeafHash(Encoding.UTF8.GetBytes(Entry)), LeafIndex, publishedSize, path,
            Digests.FromHex(publishedRoot, "published root"));
    }

    public JsonObject ToJson() => new()
    {
        ["entry"] = Entry,
        ["leaf_hash"] = LeafHash,
        ["leaf_index"] = LeafIndex,
        ["path"] = new JsonArray(Path.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
        ["tree_head"] = TreeHead.ToJson(),
    };

    public static InclusionProof FromJson(string json, string where)
    {
        try
        {
            var o = JsonNode.Parse(json)!.AsObject();
            return new InclusionProof(
                o["entry"]!.GetValue<string>(),
                o["leaf_index"]!.GetValue<long>(),
                o["path"]!.AsArray().Select(n => n!.GetValue<string>()).ToList(),
                SignedTreeHead.FromJson(o["tree_head"]!.AsObject(), where));
        }
        catch (Exception e)
            when (e is System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw new LedgerException(
                $"{where}: not an inclusion proof; expected the JSON written by `successor prove`");
        }
    }
}
