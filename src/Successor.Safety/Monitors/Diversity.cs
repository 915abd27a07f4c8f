// Signs of model collapse in generated text (Shumailov et al. 2024, "AI models collapse when trained
// on recursively generated data", Nature 631): a model trained on its predecessors' output repeats
// itself (distinct-n falls; Li et al. 2016, "A Diversity-Promoting Objective Function for Neural
// Conversation Models"), its token distribution narrows (entropy falls), and the rare items of the
// real distribution vanish first (tail coverage falls).
// Tokens are whitespace-separated words; character n-grams count Unicode code points, so a surrogate
// pair is never split. N-grams never cross from one text to the next.
namespace Successor.Safety.Monitors;

public static class Diversity
{
    /// <summary>Whitespace tokens of every text, in order.</summary>
    public static IReadOnlyList<string> Tokens(IEnumerable<string> texts) =>
        texts.SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();

    /// <summary>Distinct character n-grams / all character n-grams; 0 when the texts hold no n-gram.</summary>
    public static double DistinctCharacterNGrams(IReadOnlyList<string> texts, int n)
    {
        RequireN(n);
        return DistinctShare(texts.Select(Characters), n, "");
    }

    /// <summary>The character n-grams of one text, in order.</summary>
    public static IEnumerable<string> CharacterNGrams(string text, int n)
    {
        RequireN(n);
        var characters = Characters(text);
        return Enumerable.Range(0, Math.Max(0, characters.Length - n + 1))
            .Select(i => string.Join("", characters, i, n));
    }

    static string[] Characters(string text) => [.. text.EnumerateRunes().Select(r => r.ToString())];

    /// <summary>Distinct token n-grams / all token n-grams; 0 when the texts hold no n-gram.</summary>
    public static double DistinctTokenNGrams(IReadOnlyList<string> texts, int n)
    {
        RequireN(n);
        // Tokens hold no whitespace, so joining with a space keys each n-gram unambiguously.
        return DistinctShare(texts.Select(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), n, " ");
    }

    /// <summary>Shannon entropy, in bits, of the empirical distribution of the items; 0 for none.</summary>
    public static double EntropyBits<T>(IEnumerable<T> items) where T : notnull
    {
        var counts = Count(items);
        double total = counts.Values.Sum(), entropy = 0;
        foreach (int c in counts.Values)
        {
            double p = c / total;
            entropy -= p * Math.Log2(p);
        }
        return entropy;
    }

    /// <summary>Unigram entropy, in bits, of the whitespace tokens of all texts together.</summary>
    public static double TokenEntropyBits(IEnumerable<string> texts) => EntropyBits(Tokens(texts));

    /// <summary>
    /// Share of the reference's rare items that the generated items contain at least once. Rare: the
    /// item's reference count is at or below the quantile of the per-item counts (the ⌈q·m⌉-th smallest
    /// of the m distinct items' counts). "At or below" keeps ties together: most items of a
    /// long-tailed corpus occur once, and a strict "below" would leave the tail empty.
    /// </summary>
    public static double TailCoverage<T>(IEnumerable<T> reference, IEnumerable<T> generated, double quantile)
        where T : notnull
    {
        var rare = RareItems(reference, quantile);
        var seen = generated.ToHashSet();
        return rare.Count(seen.Contains) / (double)rare.Count;
    }

    /// <summary>The reference's rare items, as TailCoverage defines them.</summary>
    public static IReadOnlySet<T> RareItems<T>(IEnumerable<T> reference, double quantile) where T : notnull
    {
        if (!(quantile > 0 && quantile <= 1))
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile,
                "tail quantile must be in (0, 1], e.g. 0.2");
        var counts = Count(reference);
        if (counts.Count == 0)
            throw new ArgumentException(
                "tail coverage: the reference holds no items; pass the reference distribution's items",
                nameof(reference));
        int[] sorted = counts.Values.Order().ToArray();
        int cutoff = sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
        return counts.Where(kv => kv.Value <= cutoff).Select(kv => kv.Key).ToHashSet();
    }

    static double DistinctShare(IEnumerable<string[]> units, int n, string separator)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var u in units)
            for (int i = 0; i + n <= u.Length; i++)
            {
                distinct.Add(string.Join(separator, u, i, n));
                total++;
            }
        return total == 0 ? 0 : distinct.Count / (double)total;
    }

    static Dictionary<T, int> Count<T>(IEnumerable<T> items) where T : notnull
    {
        var counts = new Dictionary<T, int>();
        foreach (var item in items) counts[item] = counts.GetValueOrDefault(item) + 1;
        return counts;
    }

    static void RequireN(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n-gram length must be at least 1, e.g. 2");
    }
}
