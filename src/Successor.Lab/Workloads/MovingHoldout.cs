// A sealed holdout that moves with the frontier: a self-improving lab whose champion answers every sealed slice
// has no room left to show a better successor, so the judge adds harder slices as the champion's horizon (the
// hardest slice it answers at least half right) nears the top. Slices are only ever added: each difficulty's
// sealed problems are drawn on their own (from the judge's secret, the family and the difficulty), so what was
// sealed stays sealed, and the same problems.
namespace Successor.Lab.Workloads;

public static class MovingHoldout
{
    /// <summary>The hardest difficulty ever sealed: a model that answered every length would otherwise grow its
    /// holdout without end. Lee et al. (ICML 2025) took addition to 100 digits.</summary>
    public const int Ceiling = 128;

    /// <summary>The configured slices, then every difficulty above them until `past` of them lie beyond the
    /// horizon `horizonOn` measures on the slices so far (it is measured again whenever slices are added, since a
    /// model at 99% on the top slice may hold on the next).</summary>
    public static IReadOnlyList<int> Slices(IReadOnlyList<int> configured, int past,
        Func<IReadOnlyList<int>, int> horizonOn)
    {
        if (configured.Count == 0) throw new ArgumentException("the sealed holdout has no slices");
        var slices = configured.Order().ToList();
        if (past <= 0) return slices;
        while (true)
        {
            int top = slices[^1], wanted = Math.Min(Ceiling, horizonOn(slices) + past);
            if (wanted <= top) return slices;
            slices.AddRange(Enumerable.Range(top + 1, wanted - top));
        }
    }
}
