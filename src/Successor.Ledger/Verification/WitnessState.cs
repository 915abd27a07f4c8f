// What a witness remembers, in its own file (a person's, never the lab's): the notary's public key as
// first seen (pinned, so a replaced key is caught) and the last signed tree heads it has seen.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Successor.Ledger.Signing;

namespace Successor.Ledger.Verification;

public sealed record WitnessState(string PublicKey, IReadOnlyList<SignedTreeHead> Heads)
{
    /// <summary>How many heads a witness keeps; older ones are implied by the consistency of the newer.</summary>
    public const int Kept = 100;
    public const string PathVariable = "SUCCESSOR_WITNESS_STATE";

    /// <summary>$SUCCESSOR_WITNESS_STATE, else ~/.successor/witness/&lt;hash of the ledger's
    /// location&gt;.json.</summary>
    public static string DefaultPath(string ledgerLocation)
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } set) return set;
        bool server = ledgerLocation.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || ledgerLocation.Contains("://", StringComparison.Ordinal);
        string where = server ? ledgerLocation : Path.GetFullPath(ledgerLocation);
        string name = Digests.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(where)).AsSpan(0, 8));
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".successor", "witness",
            name + ".json");
    }

    public static WitnessState? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var o = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            return new WitnessState(o["public_key"]!.GetValue<string>(),
                [.. o["heads"]!.AsArray()
                    .Select(h => SignedTreeHead.FromJson(h!.AsObject(), $"witness state {path}"))]);
        }
        catch (Exception e)
            when (e is System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw new LedgerException(
                $"witness state {path}: not a witness state ({e.Message}); give the file `successor witness` keeps");
        }
    }

    public void Save(string path) => SecretFiles.Replace(path, new JsonObject
    {
        ["public_key"] = PublicKey,
        ["heads"] = new JsonArray([.. Heads.Select(h => (JsonNode)h.ToJson())]),
    }.ToJsonString() + "\n", SecretFiles.Private);

    /// <summary>This state with one more head seen, keeping the last <see cref="Kept"/>.</summary>
    public WitnessState With(SignedTreeHead head) => Heads.Any(h => h.Size == head.Size) ? this
        : this with { Heads = [.. Heads.Append(head).OrderBy(h => h.Size).TakeLast(Kept)] };
}
