// Known-bad cases for the promotion rule's replay, built on the sealed side from what real models answered:
// the champion and a perturbed copy of it (the same weights plus a little seeded noise, a checkpoint that
// differs as another seed's would). Each case's label is certain by construction, and each is a trap a
// flawed rule falls into:
//   worse-on-sealed   the perturbed copy held to its real losses against the champion, none of its wins:
//                     worse item by item on sealed, whatever public validation says of it. A rule that reads
//                     public scores, or only some slices, can accept it.
//   slice-regression  the champion with one slice it answers at least half right (the slices the tolerance
//                     guards) regressed just past the tolerance (the fewest right answers turned wrong that
//                     exceed it) and about half its wrong answers elsewhere turned right: better overall, so
//                     only the slice check rejects it.
//   lucky-win         the champion with real differences of the perturbed copy, wins and losses, netting one
//                     item (text: a mean gain a millionth the size of the noise): a win that does not replicate,
//                     inside any sound confidence interval. A rule that only asks "is the mean higher" accepts it.
// Every kind is built `variants` times with different seeded draws; a kind the champion leaves no room for
// (no right answer to lose) is built fewer times or not at all.
using Successor.Evaluation.Curriculum;
using Successor.Tensors;

namespace Successor.Evaluation.Verification;

public static class KnownCases
{
    public const string WorseOnSealed = "worse-on-sealed", SliceRegression = "slice-regression",
        LuckyWin = "lucky-win", KnownGood = "champion-over-silenced-copy";

    /// <summary>Curriculum cases: (kind, successor's item results) to set against the champion's.</summary>
    public static List<(string Kind, List<ItemResult> Successor)> Curriculum(IReadOnlyList<ItemResult> champion,
        IReadOnlyList<ItemResult> perturbed, double tolerance, ulong seed, int variants)
    {
        var cases = new List<(string, List<ItemResult>)>();
        for (int v = 0; v < variants; v++)
        {
            var rng = Rng.For(seed, 0xCA5E, (ulong)v);
            if (Worse(champion, perturbed, rng) is { } worse) cases.Add((WorseOnSealed, worse));
            if (Slice(champion, tolerance, rng, v) is { } slice) cases.Add((SliceRegression, slice));
            if (Lucky(champion, perturbed, rng) is { } lucky) cases.Add((LuckyWin, lucky));
        }
        return cases;
    }

    /// <summary>Text cases on per-document losses (nats per token, lower is better): (kind, successor's
    /// losses). Text has no slices, so no slice-regression case.</summary>
    public static List<(string Kind, List<(double Loss, long Tokens)> Successor)> Text(
        IReadOnlyList<(double Loss, long Tokens)> champion, IReadOnlyList<(double Loss, long Tokens)> perturbed,
        ulong seed, int variants)
    {
        var cases = new List<(string, List<(double, long)>)>();
        var d = champion.Zip(perturbed, (c, p) => p.Loss - c.Loss).ToArray();
        double spread = Math.Sqrt(d.Sum(x => x * x) / Math.Max(1, d.Length));
        if (champion.Count == 0 || spread == 0) return cases;
        for (int v = 0; v < variants; v++)
        {
            var rng = Rng.For(seed, 0x7E47, (ulong)v);
            // Worse: the copy's losses where they are higher, the champion's elsewhere, one document worse still.
            var worse = champion.Zip(perturbed, (c, p) => (Math.Max(c.Loss, p.Loss), c.Tokens)).ToList();
            int at = rng.NextInt(worse.Count);
            worse[at] = (worse[at].Item1 + spread, worse[at].Item2);
            cases.Add((WorseOnSealed, worse));
            // Lucky: the copy's differences with random signs, centred, then a gain a millionth of their size.
            var e = d.Select(x => rng.NextInt(2) == 0 ? x : -x).ToArray();
            double mean = e.Average();
            cases.Add((LuckyWin,
                [.. champion.Select((c, i) => (c.Loss + e[i] - mean - spread * 1e-6, c.Tokens))]));
        }
        return cases;
    }

    static List<ItemResult>? Worse(IReadOnlyList<ItemResult> champion, IReadOnlyList<ItemResult> perturbed, Rng rng)
    {
        var s = champion.Zip(perturbed, (c, p) => c with { Correct = c.Correct && p.Correct }).ToList();
        var right = Indices(s, correct: true);
        if (right.Count == 0) return null; // the champion answers nothing: nothing to be worse at
        int at = right[rng.NextInt(right.Count)];
        s[at] = s[at] with { Correct = false };
        return s;
    }

    static List<ItemResult>? Slice(IReadOnlyList<ItemResult> champion, double tolerance, Rng rng, int variant)
    {
        var slices = champion.Select((r, i) => (Key: (r.Family, r.Difficulty), i))
            .GroupBy(x => x.Key, x => x.i).Select(g => g.ToList()).ToList();
        // Fewest right answers turned wrong whose share of the slice exceeds the tolerance.
        var eligible = slices.Where(g => g.Count(i => champion[i].Correct) is var right
            && Needed(g.Count, tolerance) <= right && right >= Statistics.GenuinelyBetter.Guarded * g.Count).ToList();
        if (eligible.Count == 0 || slices.Count < 2) return null;
        var slice = eligible[variant % eligible.Count];
        var s = champion.ToList();
        var right = slice.Where(i => s[i].Correct).OrderBy(_ => rng.NextULong()).ToList();
        foreach (int i in right.Take(Needed(slice.Count, tolerance))) s[i] = s[i] with { Correct = false };
        var inSlice = slice.ToHashSet();
        for (int i = 0; i < s.Count; i++)
            if (!inSlice.Contains(i) && !s[i].Correct && rng.NextInt(2) == 0) s[i] = s[i] with { Correct = true };
        return s;
    }

    /// <summary>The fewest items of a slice of `n` whose loss is a regression beyond `tolerance`.</summary>
    public static int Needed(int n, double tolerance)
    {
        int k = (int)Math.Floor(tolerance * n) + 1;
        while (k > 1 && (k - 1) / (double)n > tolerance) k--;
        return k;
    }

    static List<ItemResult>? Lucky(IReadOnlyList<ItemResult> champion, IReadOnlyList<ItemResult> perturbed, Rng rng)
    {
        var s = champion.ToList();
        var wrong = Indices(s, correct: false);
        if (wrong.Count == 0) return null; // a perfect champion cannot be beaten by luck
        var right = Indices(s, correct: true);
        // The copy's real wins and losses first, then other items, in a seeded order.
        var wins = Order(wrong, i => perturbed[i].Correct, rng);
        var losses = Order(right, i => !perturbed[i].Correct, rng);
        int w = 1 + rng.NextInt(Math.Min(wrong.Count, losses.Count + 1));
        foreach (int i in wins.Take(w)) s[i] = s[i] with { Correct = true };
        foreach (int i in losses.Take(w - 1)) s[i] = s[i] with { Correct = false };
        return s;
    }

    static List<int> Order(List<int> items, Func<int, bool> first, Rng rng) =>
        [.. items.Select(i => (i, Key: (first(i) ? 0UL : 1UL << 63) | (rng.NextULong() >> 1))).OrderBy(x => x.Key)
            .Select(x => x.i)];

    static List<int> Indices(IReadOnlyList<ItemResult> items, bool correct) =>
        [.. Enumerable.Range(0, items.Count).Where(i => items[i].Correct == correct)];
}
