// The JSON form of a dimension's choices: numbers or names in, numbers back out as numbers.
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Successor.Research;

/// <summary>Reads a list of choices given as numbers or names; writes numbers back as numbers.</summary>
public sealed class ChoicesConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert,
        JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("choices must be an array of numbers or names");
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            list.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                _ => throw new JsonException($"a choice is {reader.TokenType}; it must be a number or a name"),
            });
        return list;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var v in value)
            if (IsJsonNumber(v)) writer.WriteRawValue(v);
            else writer.WriteStringValue(v);
        writer.WriteEndArray();
    }

    // Not double.TryParse: it also accepts "NaN", "Infinity" and " 5", which are no JSON numbers.
    static bool IsJsonNumber(string text)
    {
        try { return text == text.Trim() && JsonNode.Parse(text)?.GetValueKind() == JsonValueKind.Number; }
        catch (JsonException) { return false; }
    }
}
