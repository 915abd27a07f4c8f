// Tree-structured Parzen estimator (Bergstra et al. 2011), the model-based strategy of Hyperopt and
// Optuna. The lab's memory is split into the best γ share of findings by effect ("good") and the rest;
// each dimension gets a Parzen density over good points, l(u), and over the rest, g(u) — Gaussian kernels
// in the unit cube plus a uniform prior — and a proposal is the candidate drawn from l that maximises
// l(u)/g(u), the expected-improvement criterion. Until the memory holds enough findings, it draws uniformly.
using Successor.Tensors;

namespace Successor.Research;

public sealed class TpeResearcher(SearchSpace space, double gamma = 0.25, int startup = 6, int candidates = 48) : IResearcher
{
    public string Name => "tpe";

    public IReadOnlyList<Proposal> Propose(ResearchContext context, int count)
    {
        var rng = Rng.For(context.Seed, 0x79E, (ulong)context.Generation);
        var observed = context.Memory
            .Select(f => (U: space.Coordinates(f.Overrides), f.Effect))
            .Where(o => o.U is not null && double.IsFinite(o.Effect))
            .Select(o => (U: o.U!, o.Effect)).ToList();
        var proposals = new List<Proposal>(count);
        for (int i = 1; i <= count; i++)
        {
            if (observed.Count < startup)
            {
                proposals.Add(new($"p{i}", space.Overrides([.. space.Dimensions.Select(_ => rng.NextDouble())]), context.Target,
                    $"uniform draw: the memory has {observed.Count} comparable findings, TPE starts at {startup}"));
                continue;
            }
            var ranked = observed.OrderByDescending(o => o.Effect).ToList();
            int nGood = Math.Max(1, (int)Math.Ceiling(gamma * ranked.Count));
            var good = ranked.Take(nGood).Select(o => o.U).ToList();
            var bad = ranked.Skip(nGood).Select(o => o.U).ToList();
            double[]? best = null;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < candidates; c++)
            {
                var u = Sample(good, rng);
                double score = 0;
                for (int d = 0; d < u.Length; d++) score += Math.Log(Density(good, d, u[d])) - Math.Log(Density(bad, d, u[d]));
                if (score > bestScore) { bestScore = score; best = u; }
            }
            proposals.Add(new($"p{i}", space.Overrides(best!), context.Target,
                $"TPE over {observed.Count} findings ({nGood} good): log l/g = {bestScore:0.00}"));
            // Later proposals of this batch should explore elsewhere: treat this one as already tried, not good.
            observed.Add((best!, ranked[^1].Effect));
        }
        return proposals;
    }

    double Bandwidth(int n) => Math.Clamp(0.5 * Math.Pow(Math.Max(1, n), -0.2), 0.05, 0.5);

    double[] Sample(List<double[]> points, Rng rng)
    {
        var u = new double[space.Dimensions.Count];
        double sigma = Bandwidth(points.Count);
        for (int d = 0; d < u.Length; d++)
        {
            // The mixture: each point with weight 1, the uniform prior with weight 1.
            int pick = rng.NextInt(points.Count + 1);
            u[d] = pick == points.Count ? rng.NextDouble() : Math.Clamp(points[pick][d] + sigma * rng.NextGaussian(), 0, 1);
        }
        return u;
    }

    double Density(List<double[]> points, int d, double x)
    {
        double sigma = Bandwidth(points.Count), sum = 1.0; // the uniform prior's density is 1 on [0, 1]
        foreach (var p in points)
        {
            double z = (x - p[d]) / sigma;
            sum += Math.Exp(-0.5 * z * z) / (sigma * Math.Sqrt(2 * Math.PI));
        }
        return sum / (points.Count + 1);
    }
}
