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
    public static JsonObject Write(object record, Type type) =>
        JsonSerializer.SerializeToNode(record, type, Options)!.AsObject();

    /// <summary>The lab an element's attributes name, whatever the element's type (LabRecord.Lab); null when
    /// they name none. What a reader needs to keep one lab's elements before it knows their types.</summary>
    public static string? LabOf(JsonObject attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attributes["lab"] is JsonValue v && v.TryGetValue(out string? lab) ? lab : null;
    }

    /// <summary>Ledger attributes read as `T`; one clear line naming the record type when they do not fit.</summary>
    public static T Read<T>(JsonObject attributes)
    {
        try { return attributes.Deserialize<T>(Options) ?? throw new JsonException("null"); }
        catch (JsonException e)
        {
            throw new RecordException($"a {typeof(T).Name} in the ledger is malformed: {e.Message}");
        }
    }
}
