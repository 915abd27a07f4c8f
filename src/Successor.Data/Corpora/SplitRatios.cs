// How a corpus is divided: fractions of documents for train, public validation and the sealed holdout.
namespace Successor.Data.Corpora;

public sealed record SplitRatios(double Train = 0.8, double Validation = 0.1, double Holdout = 0.1)
{
    /// <summary>Null when valid, else one line saying what is wrong.</summary>
    public string? Validate()
    {
        double[] all = [Train, Validation, Holdout];
        if (all.Any(r => !(r >= 0 && r <= 1))) return $"ratios {this.Format()} must each be in [0, 1]";
        if (Math.Abs(all.Sum() - 1) > 1e-9)
            return $"ratios {this.Format()} sum to {all.Sum():0.###}; they must sum to 1";
        if (Train <= 0) return $"ratios {this.Format()} give train nothing; train must be positive";
        return null;
    }

    public string Format() => FormattableString.Invariant($"{Train:0.###}/{Validation:0.###}/{Holdout:0.###}");

    /// <summary>Parses "0.8,0.1,0.1" (train, validation, holdout).</summary>
    public static SplitRatios Parse(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 3
            || !parts.All(p =>
                double.TryParse(p, System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out _)))
            throw new ArgumentException(
                $"--ratios '{text}' is not three numbers; give train,validation,holdout such as 0.8,0.1,0.1");
        var v = parts.Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var ratios = new SplitRatios(v[0], v[1], v[2]);
        return ratios.Validate() is { } error ? throw new ArgumentException($"--ratios: {error}") : ratios;
    }
}
