// How every typed record becomes ledger attributes and back: snake_case names, absent fields for nulls,
// numbers as the ledger's canonical JSON writes them. The only place a record field is named as a string.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Successor.Records;

public static class RecordJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The record as ledger attributes.</summary>
    public static JsonObject Write(object record, Type type) => JsonSerializer.SerializeToNode(record, type, Options)!.AsObject();

    /// <summary>Ledger attributes read as `T`; one clear line naming the record type when they do not fit.</summary>
    public static T Read<T>(JsonObject attributes)
    {
        try { return attributes.Deserialize<T>(Options) ?? throw new JsonException("null"); }
        catch (JsonException e) { throw new RecordException($"a {typeof(T).Name} in the ledger is malformed: {e.Message}"); }
    }
}
