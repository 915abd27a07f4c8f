// Tree-structured Parzen estimator (Bergstra et al. 2011), the model-based strategy of Hyperopt and
// Optuna. The lab's memory is split into the best γ share of findings by effect ("good") and the rest;
// each dimension gets a Parzen density over good points, l(u), and over the rest, g(u) — Gaussian kernels
// in the unit cube plus a uniform prior — and a proposal is the candidate drawn from l that maximises
// l(u)/g(u), the expected-improvement criterion. Until the memory holds enough findings, a batch of proposals
// is a Latin hypercube (McKay et al. 1979; SMAC's initial design is space-filling for the same reason): each
// dimension's range is cut into as many equal strata as there are proposals and each stratum gets exactly
// one, so 4 proposals over two decades of learning rate always try each half-decade once, where 4 uniform
// draws miss a given half-decade about a third of the time.
// When Thresholdout answered a generation's candidate from the holdout, public validation and the holdout
// disagreed on it beyond noise: that generation's findings measured public validation, not the task, so
// they are never counted good (they stay in g, the rest).
// Findings carried over from earlier labs (research.memory_from) count like the lab's own: with enough of them
// the first batch is already TPE's, not a space-filling draw (warm-starting, as Vizier's prior studies do).
using Successor.Tensors;

namespace Successor.Research;

public sealed class TpeResearcher(SearchSpace space, double gamma = 0.15, int startup = 8,
    int candidates = 16) : IResearcher
{
    public string Name => "tpe";

    public IReadOnlyList<Proposal> Propose(ResearchContext context, int count)
    {
        var rng = Rng.For(context.Seed, 0x79E, (ulong)context.Generation);
        var distrusted = context.Holdout.Where(a => a.FromHoldout).Select(a => a.Generation).ToHashSet();
        var observed = context.Memory
            .Select(f => (U: space.Coordinates(f.Overrides), f.Effect,
                Trusted: f.Source is not null || !distrusted.Contains(f.Generation)))
            .Where(o => o.U is not null && double.IsFinite(o.Effect))
            .Select(o => (U: o.U!, o.Effect, o.Trusted)).ToList();
        string setAside =
            observed.All(o => o.Trusted) ? ""
            : $"; {observed.Count(o => !o.Trusted)} set aside (generations {string.Join(", ", distrusted.Order())}: " +
            "Thresholdout answered from the holdout)";
        var proposals = new List<Proposal>(count);
        double[][]? initial = null;
        for (int i = 1; i <= count; i++)
        {
            var ranked = observed.Where(o => o.Trusted).OrderByDescending(o => o.Effect).ToList();
            if (observed.Count < startup || ranked.Count == 0)
            {
                string waiting = ranked.Count == 0 && observed.Count > 0 ? " and needs one that is not set aside" : "";
                proposals.Add(new($"p{i}",
                    space.Overrides((initial ??= LatinHypercube(count, space.Dimensions.Count, rng))[i - 1]),
                    context.Target,
                    $"space-filling draw {i} of {count} (Latin hypercube): the memory has {observed.Count} " +
                    $"comparable findings{setAside}, TPE starts at {startup}{waiting}"));
                continue;
            }
            int nGood = Math.Max(1, (int)Math.Ceiling(gamma * ranked.Count));
            var good = ranked.Take(nGood).Select(o => o.U).ToList();
            var bad = ranked.Skip(nGood).Concat(observed.Where(o => !o.Trusted)).Select(o => o.U).ToList();
            double[]? best = null;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < candidates; c++)
            {
                var u = Sample(good, rng);
                double score = 0;
                for (int d = 0; d < u.Length; d++)
                    score += Math.Log(Density(good, d, u[d])) - Math.Log(Density(bad, d, u[d]));
                if (score > bestScore) { bestScore = score; best = u; }
            }
            proposals.Add(new($"p{i}", space.Overrides(best!), context.Target,
                $"TPE over {observed.Count} findings ({nGood} good{setAside}): log l/g = {bestScore:0.00}"));
            // Later proposals of this batch should explore elsewhere: treat this one as already tried, not good.
            observed.Add((best!, ranked[^1].Effect, true));
        }
        return proposals;
    }

    /// <summary>n points of the unit cube, one in each of the n equal strata of every dimension, at a uniform
    /// place inside its stratum; the strata are matched across dimensions by independent shuffles.</summary>
    public static double[][] LatinHypercube(int n, int dimensions, Rng rng)
    {
        var points = new double[n][];
        for (int i = 0; i < n; i++) points[i] = new double[dimensions];
        var strata = new int[n];
        for (int d = 0; d < dimensions; d++)
        {
            for (int i = 0; i < n; i++) strata[i] = i;
            for (int i = n - 1; i > 0; i--)
            {
                int j = rng.NextInt(i + 1);
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }
            for (int i = 0; i < n; i++) points[i][d] = (strata[i] + rng.NextDouble()) / n;
        }
        return points;
    }

    /// <summary>Scott's rule on the points' spread in dimension d, clipped so one point neither collapses
    /// the density nor spreads it over the whole range.</summary>
    static double Bandwidth(List<double[]> points, int d)
    {
        if (points.Count < 2) return 0.15;
        double mean = points.Average(p => p[d]);
        double sd = Math.Sqrt(points.Sum(p => (p[d] - mean) * (p[d] - mean)) / (points.Count - 1));
        return Math.Clamp(1.06 * sd * Math.Pow(points.Count, -0.2), 0.08, 0.25);
    }

    double[] Sample(List<double[]> points, Rng rng)
    {
        // The mixture: each point with weight 1, the uniform prior with weight 1. One component is drawn for
        // all dimensions together (multivariate, as in BOHB), so settings that work together stay together.
        var u = new double[space.Dimensions.Count];
        int pick = rng.NextInt(points.Count + 1);
        for (int d = 0; d < u.Length; d++)
            u[d] = pick == points.Count ? rng.NextDouble()
                : Reflect(points[pick][d] + Bandwidth(points, d) * rng.NextGaussian());
        return u;
    }

    double Density(List<double[]> points, int d, double x)
    {
        double sigma = Bandwidth(points, d), sum = 1.0; // the uniform prior's density is 1 on [0, 1]
        foreach (var p in points)
            sum += Normal(x - p[d], sigma) + Normal(x + p[d], sigma) + Normal(x - (2 - p[d]), sigma);
        return sum / (points.Count + 1);
    }

    // Kernels are reflected at 0 and 1 rather than clipped: clipping would pile samples onto the bounds,
    // where the ratio l/g is largest for no reason but the clipping.
    static double Reflect(double x)
    {
        x = Math.Abs(x) % 2;
        return x > 1 ? 2 - x : x;
    }

    static double Normal(double z, double sigma) =>
        Math.Exp(-0.5 * z * z / (sigma * sigma)) / (sigma * Math.Sqrt(2 * Math.PI));
}
