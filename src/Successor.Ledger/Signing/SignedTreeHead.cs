// A signed tree head: the Merkle root of the first Size records at a time, signed by the notary (Ed25519).
// The signed bytes are the canonical JSON of {"key_id","root","size","time"}.
using System.Text.Json.Nodes;
using Successor.Ledger.Canonical;

namespace Successor.Ledger.Signing;

public sealed record SignedTreeHead(long Size, string Root, string Time, string KeyId, string Signature)
{
    public string SignedBody() => CanonicalJson.Serialize(new JsonObject
    {
        ["key_id"] = KeyId,
        ["root"] = Root,
        ["size"] = Size,
        ["time"] = Time,
    });

    public JsonObject ToJson() => new()
    {
        ["key_id"] = KeyId,
        ["root"] = Root,
        ["signature"] = Signature,
        ["size"] = Size,
        ["time"] = Time,
    };

    public static SignedTreeHead FromJson(JsonObject o, string where)
    {
        try
        {
            return new SignedTreeHead(
                o["size"]!.GetValue<long>(),
                o["root"]!.GetValue<string>(),
                o["time"]!.GetValue<string>(),
                o["key_id"]!.GetValue<string>(),
                o["signature"]!.GetValue<string>());
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new LedgerException(
                $"{where}: not a signed tree head; expected size, root, time, key_id and signature");
        }
    }
}
