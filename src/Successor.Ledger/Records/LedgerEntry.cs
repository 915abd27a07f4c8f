// The canonical JSON form of one record — the bytes that are hashed into the chain and into the
// Merkle tree: {"actor","attributes","kind","object","seq","subject","time","type"} (keys sorted,
// absent fields left out). Sequence, time and actor are inside it, so none can change unseen.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Successor.Ledger.Canonical;
using Successor.Ledger.Statements;

namespace Successor.Ledger.Records;

public sealed record LedgerEntry(long Seq, DateTimeOffset Time, string Actor, ProvStatement Statement)
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public string TimeText => Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public string ToCanonicalJson()
    {
        var o = new JsonObject
        {
            ["actor"] = Actor,
            ["kind"] = ProvKinds.Name(Statement.Kind),
            ["seq"] = Seq,
            ["subject"] = Statement.Subject,
            ["time"] = TimeText,
        };
        if (Statement.Object is not null) o["object"] = Statement.Object;
        if (Statement.Type is not null) o["type"] = Statement.Type;
        if (Statement.Attributes is { Count: > 0 }) o["attributes"] = Statement.Attributes.DeepClone();
        return CanonicalJson.Serialize(o);
    }

    /// <summary>Reads an entry back; <paramref name="where"/> names the record in error messages.</summary>
    public static LedgerEntry Parse(string json, string where)
    {
        try
        {
            var o = JsonNode.Parse(json) as JsonObject
                ?? throw new LedgerException($"{where}: entry is not a JSON object");
            var statement = new ProvStatement(
                ProvKinds.Parse(Required(o, "kind", where)),
                Required(o, "subject", where),
                o["object"]?.GetValue<string>(),
                o["type"]?.GetValue<string>(),
                o["attributes"] is JsonObject a ? (JsonObject)a.DeepClone() : null);
            long seq = o["seq"]?.GetValue<long>() ?? throw new LedgerException($"{where}: entry has no \"seq\"");
            var time = DateTimeOffset.ParseExact(Required(o, "time", where), TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            return new LedgerEntry(seq, time, Required(o, "actor", where), statement);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new LedgerException($"{where}: entry is not a valid ledger entry ({e.Message})");
        }
    }

    private static string Required(JsonObject o, string key, string where) =>
        o[key]?.GetValue<string>() ?? throw new LedgerException($"{where}: entry has no \"{key}\"");
}
