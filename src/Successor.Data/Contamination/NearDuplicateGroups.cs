// Documents that the contamination guard would call overlapping — sharing any 13-gram of word tokens or any
// 50-byte window (ContaminationIndex's own grams) — joined into groups, transitively: if A shares a passage
// with B and B with C, all three must land on one side of a split, or the lab refuses its own training data.
using System.Text;

namespace Successor.Data.Contamination;

public static class NearDuplicateGroups
{
    /// <summary>For each document, the index of the first document of its group (itself when it shares nothing).
    /// </summary>
    public static int[] Of(IReadOnlyList<Corpora.Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var parent = Enumerable.Range(0, documents.Count).ToArray();
        Dictionary<ulong, int> words = [], bytes = [];
        for (int i = 0; i < documents.Count; i++)
        {
            foreach (var (h, _) in ContaminationIndex.WordGrams(documents[i].Text)) Join(words, h, i, parent);
            foreach (var (h, _) in ContaminationIndex.Windows(Encoding.UTF8.GetBytes(documents[i].Text)))
                Join(bytes, h, i, parent);
        }
        return [.. Enumerable.Range(0, documents.Count).Select(i => Root(parent, i))];
    }

    static void Join(Dictionary<ulong, int> seen, ulong gram, int document, int[] parent)
    {
        if (!seen.TryAdd(gram, document)) Union(parent, seen[gram], document);
    }

    static void Union(int[] parent, int a, int b)
    {
        int ra = Root(parent, a), rb = Root(parent, b);
        if (ra == rb) return;
        if (ra < rb) parent[rb] = ra; else parent[ra] = rb;
    }

    static int Root(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
