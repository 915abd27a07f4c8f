// The JSON conventions of every file Successor writes: snake_case keys and enum names, strict reading
// (an unknown key is an error, numbers are numbers).
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Successor.Models;

public static class SnakeCaseJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Where a reading error is and what it is, as the tail of a one-line message: ", line 3, column 5:
    /// generations is the text "two"; expected a whole number" (see JsonProblem).</summary>
    public static string Problem(JsonException e, string text, Type target, JsonSerializerOptions? options = null) =>
        JsonProblem.Describe(e, text, target, options ?? Options);

    /// <summary>The same, without indentation, for values embedded in other files.</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };

    /// <summary>The same, also writing the properties that are left out at their defaults (such as
    /// ModelConfig.DigitOffset, left out so that older configs keep their bytes): every key a reader accepts,
    /// for listing the keys that `key=value` overrides may set.</summary>
    public static JsonSerializerOptions EveryKey { get; } = new(Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers = { info => { foreach (var p in info.Properties) p.ShouldSerialize = null; } },
        },
    };
}
