// The judge's wire format: one compact snake_case JSON object per line. Unlike files, NaN and infinities may
// appear (a p-value of an empty comparison), so named float literals are allowed.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Successor.Lab.Judge;

static class JudgeJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };
}
