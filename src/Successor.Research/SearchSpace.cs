// The recipe changes a researcher may propose: each dimension maps a coordinate u in [0, 1] to a recipe
// key's value (log-uniform, uniform, integer or a choice), so strategies work in the unit cube and
// the lab reads plain `key=value` overrides. A lab's search space is part of its config.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Successor.Research;

public enum Scale { Linear, Log, Integer, Choice }

/// <summary>One searchable recipe key. Choices are the values a choice may take, numbers or names
/// (`[16, 32, 64]`, `["cosine", "constant"]`), written into the override as they are given.</summary>
public sealed record Dimension(string Key, Scale Scale, double Low = 0, double High = 1,
    [property: JsonConverter(typeof(ChoicesConverter))] IReadOnlyList<string>? Choices = null)
{
    /// <summary>The value at coordinate u, as the text of a `key=value` override.</summary>
    public string Text(double u) => Scale switch
    {
        Scale.Choice => Choices![Math.Min(Choices.Count - 1, (int)(Math.Clamp(u, 0, 1) * Choices.Count))],
        Scale.Integer => ((long)Value(u)).ToString(CultureInfo.InvariantCulture),
        _ => Format(Value(u)),
    };

    /// <summary>The value at coordinate u as a number (a choice's value parsed: its choices must be numbers).</summary>
    public double Value(double u)
    {
        u = Math.Clamp(u, 0, 1);
        return Scale switch
        {
            Scale.Log => Math.Exp(Math.Log(Low) + u * (Math.Log(High) - Math.Log(Low))),
            Scale.Integer => Math.Round(Low + u * (High - Low)),
            Scale.Choice => double.Parse(Text(u), CultureInfo.InvariantCulture),
            _ => Low + u * (High - Low),
        };
    }

    /// <summary>The coordinate of an override's value (the centre of its cell for a choice), or null when the
    /// value is not one this dimension can take.</summary>
    public double? Coordinate(string text)
    {
        if (Scale == Scale.Choice)
        {
            int i = IndexOf(text);
            return i < 0 ? null : (i + 0.5) / Choices!.Count;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return null;
        return Math.Clamp(Scale switch
        {
            Scale.Log => (Math.Log(value) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)),
            _ => High == Low ? 0.5 : (value - Low) / (High - Low),
        }, 0, 1);
    }

    // Names match exactly; numbers by value, so 0.950 finds 0.95.
    int IndexOf(string text)
    {
        bool numeric = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double a);
        for (int i = 0; i < Choices!.Count; i++)
            if (Choices[i] == text || (numeric && double.TryParse(Choices[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double b) && a == b)) return i;
        return -1;
    }

    public static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Key)) return "a dimension has no key";
        if (Scale == Scale.Choice)
            return Choices is not { Count: > 0 } ? $"{Key}: a choice needs at least one value"
                : Choices.Any(string.IsNullOrWhiteSpace) ? $"{Key}: a choice value is empty"
                : Key == "learning_rate" && Choices.Any(c => !double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? $"{Key}: choices must be numbers" : null;
        if (!(Low <= High)) return $"{Key}: low {Low} is above high {High}";
        if (Scale == Scale.Log && !(Low > 0)) return $"{Key}: a log scale needs low > 0";
        return null;
    }
}

/// <summary>Reads a list of choices given as numbers or names; writes numbers back as numbers.</summary>
public sealed class ChoicesConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("choices must be an array of numbers or names");
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

/// <param name="floorRatio">The learning-rate floor as a share of the peak: min_learning_rate follows a searched
/// learning_rate at this share (nanoGPT's 0.1; 0 decays to zero, as Hägele et al. 2024 cool down).</param>
public sealed class SearchSpace(IReadOnlyList<Dimension> dimensions, double floorRatio = SearchSpace.DefaultFloorRatio)
{
    public const double DefaultFloorRatio = 0.1;

    public double FloorRatio { get; } = floorRatio is >= 0 and <= 1 ? floorRatio : throw new ArgumentOutOfRangeException(nameof(floorRatio), floorRatio, "the floor is a share of the peak, in [0, 1]");

    public IReadOnlyList<Dimension> Dimensions { get; } = dimensions.Count > 0 ? dimensions : throw new ArgumentException("search space: no dimensions");

    /// <summary>Optimizer and data-mixture settings that a warm-started successor can change.</summary>
    public static SearchSpace Default { get; } = new([
        new("learning_rate", Scale.Log, 3e-4, 1e-2),
        new("weight_decay", Scale.Linear, 0, 0.2),
        new("warmup_steps", Scale.Integer, 0, 100),
        new("batch_size", Scale.Choice, Choices: ["16", "32", "64"]),
        new("self_generated_fraction", Scale.Linear, 0, 0.6),
    ]);

    public IReadOnlyList<string> Overrides(IReadOnlyList<double> u)
    {
        var result = new List<string>(Dimensions.Count + 1);
        for (int i = 0; i < Dimensions.Count; i++)
        {
            var d = Dimensions[i];
            result.Add($"{d.Key}={d.Text(u[i])}");
            if (d.Key == "learning_rate") result.Add($"min_learning_rate={Dimension.Format(d.Value(u[i]) * FloorRatio)}");
        }
        return result;
    }

    /// <summary>The coordinates of a finding's overrides, or null when they are not a point of this space
    /// (a control, or a finding recorded under another space).</summary>
    public double[]? Coordinates(IReadOnlyList<string> overrides)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in overrides)
        {
            int eq = o.IndexOf('=');
            if (eq > 0) values[o[..eq]] = o[(eq + 1)..];
        }
        var u = new double[Dimensions.Count];
        for (int i = 0; i < Dimensions.Count; i++)
        {
            if (!values.TryGetValue(Dimensions[i].Key, out string? v) || Dimensions[i].Coordinate(v) is not double c) return null;
            u[i] = c;
        }
        return u;
    }
}
