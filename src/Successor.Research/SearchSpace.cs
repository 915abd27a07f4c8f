// The recipe changes a researcher may propose: each dimension maps a coordinate u in [0, 1] to a recipe
// key's value (log-uniform, uniform, integer or a choice), so strategies work in the unit cube and
// the lab reads plain `key=value` overrides. A lab's search space is part of its config.
using System.Globalization;

namespace Successor.Research;

public enum Scale { Linear, Log, Integer, Choice }

public sealed record Dimension(string Key, Scale Scale, double Low = 0, double High = 1, IReadOnlyList<double>? Choices = null)
{
    public double Value(double u)
    {
        u = Math.Clamp(u, 0, 1);
        return Scale switch
        {
            Scale.Log => Math.Exp(Math.Log(Low) + u * (Math.Log(High) - Math.Log(Low))),
            Scale.Integer => Math.Round(Low + u * (High - Low)),
            Scale.Choice => Choices![Math.Min(Choices.Count - 1, (int)(u * Choices.Count))],
            _ => Low + u * (High - Low),
        };
    }

    /// <summary>The coordinate of a value (the centre of its cell for a choice).</summary>
    public double Coordinate(double value) => Scale switch
    {
        Scale.Log => (Math.Log(value) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)),
        Scale.Choice => (IndexOf(value) + 0.5) / Choices!.Count,
        _ => High == Low ? 0.5 : (value - Low) / (High - Low),
    };

    int IndexOf(double value)
    {
        int best = 0;
        for (int i = 1; i < Choices!.Count; i++)
            if (Math.Abs(Choices[i] - value) < Math.Abs(Choices[best] - value)) best = i;
        return best;
    }

    public string Format(double value) => Scale is Scale.Integer ? ((long)value).ToString(CultureInfo.InvariantCulture)
        : Scale is Scale.Choice && value == Math.Round(value) ? ((long)value).ToString(CultureInfo.InvariantCulture)
        : value.ToString("G4", CultureInfo.InvariantCulture);

    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Key)) return "a dimension has no key";
        if (Scale == Scale.Choice) return Choices is { Count: > 0 } ? null : $"{Key}: a choice needs at least one value";
        if (!(Low <= High)) return $"{Key}: low {Low} is above high {High}";
        if (Scale == Scale.Log && !(Low > 0)) return $"{Key}: a log scale needs low > 0";
        return null;
    }
}

public sealed class SearchSpace(IReadOnlyList<Dimension> dimensions)
{
    /// <summary>Learning-rate floor as a share of the peak: min_learning_rate follows learning_rate.</summary>
    public const double FloorRatio = 0.1;

    public IReadOnlyList<Dimension> Dimensions { get; } = dimensions.Count > 0 ? dimensions : throw new ArgumentException("search space: no dimensions");

    /// <summary>Optimizer and data-mixture settings that a warm-started successor can change.</summary>
    public static SearchSpace Default { get; } = new([
        new("learning_rate", Scale.Log, 3e-4, 1e-2),
        new("weight_decay", Scale.Linear, 0, 0.2),
        new("warmup_steps", Scale.Integer, 0, 100),
        new("batch_size", Scale.Choice, Choices: [16, 32, 64]),
        new("self_generated_fraction", Scale.Linear, 0, 0.6),
    ]);

    public IReadOnlyList<string> Overrides(IReadOnlyList<double> u)
    {
        var result = new List<string>(Dimensions.Count + 1);
        for (int i = 0; i < Dimensions.Count; i++)
        {
            var d = Dimensions[i];
            double v = d.Value(u[i]);
            result.Add($"{d.Key}={d.Format(v)}");
            if (d.Key == "learning_rate") result.Add($"min_learning_rate={d.Format(v * FloorRatio)}");
        }
        return result;
    }

    /// <summary>The coordinates of a finding's overrides, or null when they are not a point of this space
    /// (a control, or a finding recorded under another space).</summary>
    public double[]? Coordinates(IReadOnlyList<string> overrides)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var o in overrides)
        {
            int eq = o.IndexOf('=');
            if (eq > 0 && double.TryParse(o[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) values[o[..eq]] = v;
        }
        var u = new double[Dimensions.Count];
        for (int i = 0; i < Dimensions.Count; i++)
        {
            if (!values.TryGetValue(Dimensions[i].Key, out double v)) return null;
            u[i] = Math.Clamp(Dimensions[i].Coordinate(v), 0, 1);
        }
        return u;
    }
}
