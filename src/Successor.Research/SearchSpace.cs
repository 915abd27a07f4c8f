// The recipe changes a researcher may propose: each dimension maps a coordinate u in [0, 1] to a recipe
// key's value (log-uniform, uniform, integer or a choice), so strategies work in the unit cube and
// the lab reads plain `key=value` overrides. A lab's search space is part of its config.
namespace Successor.Research;

/// <param name="floorRatio">The learning-rate floor as a share of the peak: min_learning_rate follows a searched
/// learning_rate at this share (nanoGPT's 0.1; 0 decays to zero, as Hägele et al. 2024 cool down).</param>
public sealed class SearchSpace(IReadOnlyList<Dimension> dimensions, double floorRatio = SearchSpace.DefaultFloorRatio)
{
    public const double DefaultFloorRatio = 0.1;

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
        for (int i = 0; i < Dimensions.Count; i++)
        {
            var d = Dimensions[i];
            result.Add($"{d.Key}={d.Text(u[i])}");
            if (d.Key == "learning_rate")
                result.Add($"min_learning_rate={Dimension.Format(d.Value(u[i]) * FloorRatio)}");
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
            if (!values.TryGetValue(Dimensions[i].Key, out string? v) || Dimensions[i].Coordinate(v) is not double c)
                return null;
            u[i] = c;
        }
        return u;
    }
}
