// One searchable recipe key of a search space.
using System.Globalization;
using System.Text.Json.Serialization;

namespace Successor.Research;

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
            if (Choices[i] == text
                || (numeric
                    && double.TryParse(Choices[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double b)
                    && a == b)) return i;
        return -1;
    }

    public static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Key)) return "a dimension has no key";
        if (Scale == Scale.Choice)
            return Choices is not { Count: > 0 } ? $"{Key}: a choice needs at least one value"
                : Choices.Any(string.IsNullOrWhiteSpace) ? $"{Key}: a choice value is empty"
                : Key == "learning_rate"
                    && Choices.Any(c => !double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    ? $"{Key}: choices must be numbers" : null;
        if (!(Low <= High)) return $"{Key}: low {Low} is above high {High}";
        if (Scale == Scale.Log && !(Low > 0)) return $"{Key}: a log scale needs low > 0";
        return null;
    }
}
