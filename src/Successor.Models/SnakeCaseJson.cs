// The JSON conventions of every file Successor writes: snake_case keys and enum names, strict reading
// (an unknown key is an error, numbers are numbers).
using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>The same, without indentation, for values embedded in other files.</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };
}
