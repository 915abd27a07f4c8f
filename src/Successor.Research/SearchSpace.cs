// The recipe changes a researcher may propose: each dimension maps a coordinate u in [0, 1] to a recipe
// key's value (log-uniform, uniform, integer or a choice), so strategies work in the unit cube and
// the lab reads plain `key=value` overrides. A lab's search space is part of its config. Two keys are not
// recipe keys but shares the space turns into one: learning_rate_floor, min_learning_rate as a share of the
// searched learning_rate (so the floor is searched with the peak it belongs to). And a searched schedule
// other than wsd has no cooldown, so its cooldown_shape and cooldown_fraction are written as linear and 0.
namespace Successor.Research;

/// <param name="floorRatio">The learning-rate floor as a share of the peak: min_learning_rate follows a searched
/// learning_rate at this share (nanoGPT's 0.1; 0 decays to zero, as Hägele et al. 2024 cool down).</param>
public sealed class SearchSpace(IReadOnlyList<Dimension> dimensions, double floorRatio = SearchSpace.DefaultFloorRatio)
{
    public const double DefaultFloorRatio = 0.1;

    /// <summary>The dimension that searches the floor as a share of the learning rate.</summary>
    public const string FloorKey = "learning_rate_floor";

    public double FloorRatio { get; } =
        floorRatio is >= 0 and <= 1 ? floorRatio
        : throw new ArgumentOutOfRangeException(nameof(floorRatio), floorRatio,
            "the floor is a share of the peak, in [0, 1]");

    public IReadOnlyList<Dimension> Dimensions { get; } =
        dimensions.Count > 0 ? dimensions : throw new ArgumentException("search space: no dimensions");

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
        int floor = IndexOf(FloorKey), schedule = IndexOf("schedule");
        double share = floor >= 0 ? Dimensions[floor].Value(u[floor]) : FloorRatio;
        bool cooldown = schedule < 0 || Dimensions[schedule].Text(u[schedule]) == "wsd";
        for (int i = 0; i < Dimensions.Count; i++)
        {
            var d = Dimensions[i];
            if (i == floor) continue;
            string text = cooldown ? d.Text(u[i]) : d.Key switch
            {
                "cooldown_shape" => "linear",
                "cooldown_fraction" => "0",
                _ => d.Text(u[i]),
            };
            result.Add($"{d.Key}={text}");
            if (d.Key == "learning_rate")
                result.Add($"min_learning_rate={Dimension.Format(d.Value(u[i]) * share)}");
        }
        return result;
    }

    int IndexOf(string key)
    {
        for (int i = 0; i < Dimensions.Count; i++) if (Dimensions[i].Key == key) return i;
        return -1;
    }

    /// <summary>A problem with the space as a whole, or null.</summary>
    public static string? Validate(IReadOnlyList<Dimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.FirstOrDefault(d => d.Key == FloorKey) is not { } floor) return null;
        if (dimensions.All(d => d.Key != "learning_rate"))
            return $"{FloorKey} is a share of the searched learning_rate; add a learning_rate dimension";
        return floor.Scale == Scale.Linear && floor.Low >= 0 && floor.High <= 1 ? null
            : $"{FloorKey} is a share of the learning rate; give it a linear scale within [0, 1]";
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
        if (IndexOf(FloorKey) >= 0 && values.TryGetValue("learning_rate", out var peak)
            && values.TryGetValue("min_learning_rate", out var bottom)
            && double.TryParse(peak, System.Globalization.CultureInfo.InvariantCulture, out double p) && p > 0
            && double.TryParse(bottom, System.Globalization.CultureInfo.InvariantCulture, out double b))
            values[FloorKey] = Dimension.Format(b / p);
        var u = new double[Dimensions.Count];
        for (int i = 0; i < Dimensions.Count; i++)
        {
            if (!values.TryGetValue(Dimensions[i].Key, out string? v) || Dimensions[i].Coordinate(v) is not double c)
                return null;
            u[i] = c;
        }
        return u;
    }
}
