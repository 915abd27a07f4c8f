// The public and sealed gains the divergence monitor may set side by side: measured on the same slices. A
// curriculum lab's public validation covers fixed difficulties while the sealed holdout moves with the
// frontier, so a successor that learned lengths 10–12 gains there on the public side while the sealed side,
// still sealed to 9, cannot show it; the whole-set gains then differ by design, not by gaming. Both sides are
// cut to the (family, difficulty) slices they share. The sealed side's per-item differences are rebuilt from
// the paired counts the judge already reports per slice (answers lost, gained, and the champion's right ones),
// so nothing more of the holdout crosses to the lab. Text labs, and verdicts from accuracies alone, have no
// such slices: their whole-set gains are compared, as before.
using Successor.Evaluation.Statistics;
using Successor.Statistics;

namespace Successor.Lab.Stages;

/// <summary>`Scope`: which slices both gains were measured on, or null when they are the whole sets.</summary>
public sealed record ComparableGains(Comparison Public, Comparison Sealed, string? Scope)
{
    /// <summary>GenerationRecord.DivergenceScope when the gains are the whole sets' (text, accuracy-only
    /// verdicts).</summary>
    public const string WholeSets = "whole sets";

    /// <summary>GenerationRecord.DivergenceScope when public validation and the sealed holdout share no slice: the
    /// check does not apply.</summary>
    public const string NoSharedSlice = "no shared slice";

    /// <summary>The gains on the slices both sides hold, or null when they share none (nothing to compare).
    /// `publicSlices` labels each public item in `championPublic`'s order (null where items have no slices).</summary>
    public static ComparableGains? Of(IReadOnlyList<(string Family, int Difficulty)>? publicSlices,
        IReadOnlyList<double> championPublic, IReadOnlyList<double> successorPublic, Verdict sealedVerdict,
        ulong seed)
    {
        var sealedSlices = sealedVerdict.Slices;
        bool paired = sealedSlices.Count > 0 && sealedSlices.All(s => s.Count is not null);
        if (publicSlices is null || !paired)
            return new(Compare(championPublic, successorPublic, seed), sealedVerdict.Overall, null);
        if (publicSlices.Count != championPublic.Count)
            throw new ArgumentException($"{publicSlices.Count} public slice labels for {championPublic.Count} "
                + "public scores: label each public item once", nameof(publicSlices));
        var onPublic = publicSlices.ToHashSet();
        var shared = sealedSlices.Where(s => onPublic.Contains((s.Family, s.Difficulty))).ToList();
        if (shared.Count == 0) return null;
        var keys = shared.Select(s => (s.Family, s.Difficulty)).ToHashSet();
        var items = Enumerable.Range(0, publicSlices.Count).Where(i => keys.Contains(publicSlices[i])).ToList();
        var publicGain = Compare([.. items.Select(i => championPublic[i])], [.. items.Select(i => successorPublic[i])],
            seed);
        var (a, b) = SealedItems(shared);
        return new(publicGain, Compare(a, b, seed + 1), Describe(shared));
    }

    static Comparison Compare(IReadOnlyList<double> a, IReadOnlyList<double> b, ulong seed) =>
        SeededBootstrap.Compare(a, b, PairedBootstrap.MinResamples, seed);

    /// <summary>Right (1) or wrong (0) per sealed answer, champion then successor, in an order of their own: the
    /// answers both got right, those the successor lost, those it gained, those both got wrong.</summary>
    static (double[] Champion, double[] Successor) SealedItems(IEnumerable<SliceDelta> slices)
    {
        var (a, b) = (new List<double>(), new List<double>());
        foreach (var s in slices)
        {
            int n = s.Count!.Value, lost = s.Lost!.Value, gained = s.Gained!.Value;
            int bothRight = (int)Math.Round(s.AccuracyA * n) - lost;
            if (bothRight < 0 || bothRight + lost + gained > n)
                throw new ArgumentException($"sealed slice {s.Family} d={s.Difficulty}: {lost} lost and {gained} "
                    + $"gained of {n} do not fit accuracies {s.AccuracyA} → {s.AccuracyB}");
            foreach (var (count, champion, successor) in new[] { (bothRight, 1.0, 1.0), (lost, 1.0, 0.0),
                (gained, 0.0, 1.0), (n - bothRight - lost - gained, 0.0, 0.0) })
            {
                a.AddRange(Enumerable.Repeat(champion, count));
                b.AddRange(Enumerable.Repeat(successor, count));
            }
        }
        return ([.. a], [.. b]);
    }

    /// <summary>"radd d=1–9", one range per family.</summary>
    static string Describe(IEnumerable<SliceDelta> slices) => string.Join(", ", slices.GroupBy(s => s.Family)
        .Select(f => $"{f.Key} d={Ranges([.. f.Select(s => s.Difficulty).Order()])}"));

    static string Ranges(IReadOnlyList<int> d)
    {
        var parts = new List<string>();
        for (int i = 0; i < d.Count;)
        {
            int j = i;
            while (j + 1 < d.Count && d[j + 1] == d[j] + 1) j++;
            parts.Add(i == j ? $"{d[i]}" : $"{d[i]}–{d[j]}");
            i = j + 1;
        }
        return string.Join(",", parts);
    }
}
