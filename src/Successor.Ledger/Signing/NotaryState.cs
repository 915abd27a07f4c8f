// What the notary remembers between runs, in its own folder: the last tree head it signed. A new head
// is signed only if the log still extends this one.
using System.Text.Json.Nodes;

namespace Successor.Ledger.Signing;

public static class NotaryState
{
    public static SignedTreeHead? Load(string path)
    {
        if (!File.Exists(path)) return null;
        JsonObject o;
        try
        {
            o = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new LedgerException($"notary state {path}: not JSON ({e.Message}); the judge folder was altered");
        }
        return SignedTreeHead.FromJson(o["last_signed"]!.AsObject(), $"notary state {path}");
    }

    public static void Save(string path, SignedTreeHead head) =>
        SecretFiles.Replace(path, new JsonObject { ["last_signed"] = head.ToJson() }.ToJsonString() + "\n",
            SecretFiles.Private);
}
