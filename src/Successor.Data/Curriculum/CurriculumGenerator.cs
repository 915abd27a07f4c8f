// Seeded problem sets: draws from a family at a difficulty, keeping only problems on the requested side
// of the partition. Sets are deterministic in (seed, family, difficulty, count).
using Successor.Tensors;

namespace Successor.Data.Curriculum;

public static class CurriculumGenerator
{
    /// <summary>Bumped whenever a generator's output changes, so data hashes change with it.</summary>
    public const string Version = "curriculum-v1";
    const int MaxAttempts = 10_000;
    const ulong SetStream = 0x5E7;

    public static Problem Draw(ITaskFamily family, int d, CurriculumSplit split, Rng rng) =>
        Draw(family, d, Public(split), rng);

    internal static Problem Draw(ITaskFamily family, int d, int side, Rng rng)
    {
        if (d < 1) throw new ArgumentException($"difficulty {d} for {family.Name}: it must be at least 1");
        for (int i = 0; i < MaxAttempts; i++)
        {
            var p = family.Generate(rng, d);
            if (CurriculumPartition.SideOf(p.Prompt) == side) return p;
        }
        throw new ArgumentException(
            $"{family.Name} at difficulty {d}: no problem on side {side} in {MaxAttempts} draws; " +
            "the family has too few problems there, use a higher difficulty");
    }

    /// <summary>`count` problems for each family × difficulty, in that order.</summary>
    public static List<Problem> Set(IReadOnlyList<ITaskFamily> families, IReadOnlyList<int> difficulties, int count,
        ulong seed, CurriculumSplit split) =>
        Set(families, difficulties, count, seed, Public(split));

    /// <summary>The side of a public split. A number cast to CurriculumSplit would otherwise name the sealed
    /// side through the public API.</summary>
    static int Public(CurriculumSplit split) => Enum.IsDefined(split) ? (int)split
        : throw new ArgumentException(
            $"curriculum split {(int)split}: not a public split; give train or validation");

    internal static List<Problem> Set(IReadOnlyList<ITaskFamily> families, IReadOnlyList<int> difficulties,
        int count, ulong seed, int side)
    {
        if (count < 1) throw new ArgumentException($"--count is {count}; it must be at least 1");
        var problems = new List<Problem>(families.Count * difficulties.Count * count);
        foreach (var f in families)
            foreach (int d in difficulties)
            {
                var rng = Rng.For(seed, SetStream, (ulong)side, Fnv(f.Name), (ulong)d);
                for (int i = 0; i < count; i++) problems.Add(Draw(f, d, side, rng));
            }
        return problems;
    }

    /// <summary>"1-5", "3", "1,2,8" → difficulties.</summary>
    public static IReadOnlyList<int> ParseDifficulties(string text)
    {
        var result = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-');
            if (ends.Length is 1 or 2 && ends.All(e => int.TryParse(e, out int v) && v >= 1 && v <= 1000))
            {
                int lo = int.Parse(ends[0]), hi = int.Parse(ends[^1]);
                if (lo <= hi) { result.AddRange(Enumerable.Range(lo, hi - lo + 1)); continue; }
            }
            throw new ArgumentException(
                $"difficulties '{text}': '{part}' is not a difficulty or range; " +
                "give e.g. 1-5 or 1,2,8 (each 1 to 1000)");
        }
        if (result.Count == 0) throw new ArgumentException($"difficulties '{text}' is empty; give e.g. 1-5");
        return result.Distinct().Order().ToList();
    }

    internal static ulong Fnv(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s) { h ^= c; h *= 1099511628211UL; }
        return h;
    }
}
