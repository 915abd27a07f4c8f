// Compounding error across generations. Each generation's data passes through checks that are
// right with some measured accuracy; if any check errs the error is inherited, so a generation is
// reliable with the product of its checks' accuracies and the lineage with the product over all
// generations so far. Small errors compound: a check that is 99.9% right leaves 0.999^50 ≈ 0.951 after
// 50 generations and 0.999^500 ≈ 0.606 after 500 — the reference curve r^n.
// The projection assumes the generations to come behave like the geometric mean of those observed:
// cumulative × mean^(horizon − n). When that falls below a threshold, halt before the lineage does.
namespace Successor.Safety.Monitors;

public sealed class Reliability
{
    /// <param name="generations">Per generation, in order, the checks its data passed and their accuracies.</param>
    public Reliability(IReadOnlyList<IReadOnlyList<CheckAccuracy>> generations)
    {
        var perGeneration = new double[generations.Count];
        var cumulative = new double[generations.Count];
        double running = 1;
        for (int g = 0; g < generations.Count; g++)
        {
            perGeneration[g] = Product(generations[g], g);
            running *= perGeneration[g];
            cumulative[g] = running;
        }
        PerGeneration = Array.AsReadOnly(perGeneration);
        Cumulative = Array.AsReadOnly(cumulative);
    }

    public int Generations => PerGeneration.Count;

    /// <summary>Element g: product of generation g's check accuracies.</summary>
    public IReadOnlyList<double> PerGeneration { get; }

    /// <summary>Element g: product of PerGeneration[0..g].</summary>
    public IReadOnlyList<double> Cumulative { get; }

    /// <summary>Reliability of the lineage so far; 1 before any generation.</summary>
    public double Current => Generations == 0 ? 1 : Cumulative[^1];

    /// <summary>(Current)^(1/n): the constant per-generation reliability that would have given Current; 1 before
    /// any generation.</summary>
    public double GeometricMeanPerGeneration => Generations == 0 ? 1 : Math.Pow(Current, 1.0 / Generations);

    /// <summary>
    /// Expected reliability after horizonGenerations generations: Current × mean^(horizon − n). For a
    /// horizon already reached it is the observed cumulative value; with no generations observed there
    /// is no evidence of error and it is 1.
    /// </summary>
    public double ProjectedReliability(int horizonGenerations)
    {
        if (horizonGenerations < 0)
            throw new ArgumentOutOfRangeException(nameof(horizonGenerations), horizonGenerations,
                "horizon must be ≥ 0 generations");
        if (horizonGenerations == 0) return 1;
        if (horizonGenerations <= Generations) return Cumulative[horizonGenerations - 1];
        return Current * Math.Pow(GeometricMeanPerGeneration, horizonGenerations - Generations);
    }

    public bool ShouldHalt(int horizonGenerations, double threshold)
    {
        if (!(threshold >= 0 && threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold,
                "reliability threshold must be in [0, 1], e.g. 0.9");
        return ProjectedReliability(horizonGenerations) < threshold;
    }

    /// <summary>r^n: the lineage's reliability after n generations that are each r reliable.</summary>
    public static double Reference(double perGeneration, int generations)
    {
        RequireAccuracy(perGeneration, "per-generation reliability");
        if (generations < 0)
            throw new ArgumentOutOfRangeException(nameof(generations), generations, "generations must be ≥ 0");
        return Math.Pow(perGeneration, generations);
    }

    /// <summary>Element g: r^(g + 1), laid out like Cumulative so the two can be plotted together.</summary>
    public static IReadOnlyList<double> ReferenceCurve(double perGeneration, int generations) =>
        Enumerable.Range(1, Math.Max(0, generations)).Select(g => Reference(perGeneration, g)).ToList();

    static double Product(IReadOnlyList<CheckAccuracy> checks, int generation)
    {
        if (checks.Count == 0)
            throw new ArgumentException(
                $"reliability: generation {generation} has no checks; " +
                "a generation with nothing measured cannot be called reliable");
        var names = new HashSet<string>(StringComparer.Ordinal);
        double product = 1;
        foreach (var check in checks)
        {
            if (string.IsNullOrWhiteSpace(check.Name))
                throw new ArgumentException($"reliability: generation {generation} has a check without a name");
            if (!names.Add(check.Name))
                throw new ArgumentException(
                    $"reliability: generation {generation} lists check \"{check.Name}\" twice; each check counts once");
            RequireAccuracy(check.Accuracy, $"generation {generation}, check \"{check.Name}\"");
            product *= check.Accuracy;
        }
        return product;
    }

    static void RequireAccuracy(double value, string what)
    {
        if (!(value >= 0 && value <= 1))
            throw new ArgumentException($"reliability: {what} is {value}; it must be in [0, 1]");
    }
}
