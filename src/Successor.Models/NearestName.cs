// "Did you mean …?": the known name closest to a mistyped one, by optimal-string-alignment distance
// (Damerau–Levenshtein with adjacent transpositions), offered only when it is close enough to be the
// intended one, so that a wholly unknown name is not answered with a random guess.
namespace Successor.Models;

public static class NearestName
{
    /// <summary>The closest of <paramref name="known"/>, or null when none is within a third of the name's
    /// length (at least 1, at most 3 edits). Case and '-' against '_' do not count as differences.</summary>
    public static string? Suggest(string name, IEnumerable<string> known)
    {
        string wanted = Normal(name);
        int allowed = Math.Clamp(wanted.Length / 3, 1, 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            int d = Distance(wanted, Normal(candidate));
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Edits (insert, delete, substitute, swap two adjacent letters) that turn a into b.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    static string Normal(string name) => name.ToLowerInvariant().Replace('-', '_');
}
