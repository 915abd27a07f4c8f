// N-gram overlap between training data and evaluation data. Two detectors, after GPT-3's 13-gram
// filter (Brown et al. 2020, appendix C) and byte-window matching: a training document is flagged when
// it shares any 13-gram of word tokens (whitespace-separated, lowercased) or any 50-byte window of its
// UTF-8 with a reference (validation or holdout) document. Grams are stored as 64-bit hashes.
using System.Text;

namespace Successor.Data.Contamination;

public sealed class ContaminationIndex
{
    public const int WordGram = 13, ByteWindow = 50;
    const ulong Base = 1099511628211UL;

    readonly Dictionary<ulong, string> words = [], bytes = [];

    /// <summary>Adds every 13-gram and 50-byte window of the reference documents, under the reference's name.</summary>
    public void Add(string reference, IEnumerable<Corpora.Document> documents)
    {
        foreach (var d in documents)
        {
            foreach (var (h, _) in WordGrams(d.Text)) words.TryAdd(h, reference);
            foreach (var (h, _) in Windows(Encoding.UTF8.GetBytes(d.Text))) bytes.TryAdd(h, reference);
        }
    }

    /// <summary>Checks each training document against the index; keeps up to `examples` hits.</summary>
    public ContaminationReport Check(IEnumerable<Corpora.Document> training, int examples = 5)
    {
        int documents = 0, flagged = 0;
        long wordGrams = 0, wordHits = 0, windows = 0, windowHits = 0;
        var found = new List<ContaminationHit>();
        foreach (var d in training)
        {
            documents++;
            ContaminationHit? first = null;
            var tokens = Tokens(d.Text);
            foreach (var (h, at) in WordGrams(d.Text))
            {
                wordGrams++;
                if (!words.TryGetValue(h, out var reference)) continue;
                wordHits++;
                first ??= new ContaminationHit(d.Id, reference, "13-gram",
                    string.Join(' ', tokens.Skip(at).Take(WordGram)));
            }
            var utf8 = Encoding.UTF8.GetBytes(d.Text);
            foreach (var (h, at) in Windows(utf8))
            {
                windows++;
                if (!bytes.TryGetValue(h, out var reference)) continue;
                windowHits++;
                first ??= new ContaminationHit(d.Id, reference, "50-byte",
                    Encoding.UTF8.GetString(utf8, at, ByteWindow));
            }
            if (first is null) continue;
            flagged++;
            if (found.Count < examples) found.Add(first);
        }
        return new ContaminationReport(documents, flagged, wordGrams, wordHits, windows, windowHits, found);
    }

    static string[] Tokens(string text) =>
        text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    static IEnumerable<(ulong Hash, int At)> WordGrams(string text)
    {
        var tokens = Tokens(text);
        var hashes = tokens.Select(Hash).ToArray();
        for (int i = 0; i + WordGram <= hashes.Length; i++)
        {
            ulong h = 14695981039346656037UL;
            for (int j = 0; j < WordGram; j++) h = (h ^ hashes[i + j]) * Base;
            yield return (Mix(h), i);
        }
    }

    /// <summary>Rabin–Karp rolling hash of every 50-byte window (mod 2^64), finalised with splitmix64.</summary>
    static IEnumerable<(ulong Hash, int At)> Windows(byte[] text)
    {
        if (text.Length < ByteWindow) yield break;
        ulong h = 0, top = 1;
        for (int i = 0; i < ByteWindow - 1; i++) top *= Base;
        for (int i = 0; i < ByteWindow; i++) h = h * Base + text[i] + 1;
        yield return (Mix(h), 0);
        for (int i = ByteWindow; i < text.Length; i++)
        {
            h = (h - (text[i - ByteWindow] + 1UL) * top) * Base + text[i] + 1;
            yield return (Mix(h), i - ByteWindow + 1);
        }
    }

    static ulong Hash(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s) { h ^= c; h *= Base; }
        return Mix(h);
    }

    static ulong Mix(ulong h)
    {
        h ^= h >> 30; h *= 0xbf58476d1ce4e5b9UL; h ^= h >> 27; h *= 0x94d049bb133111ebUL; return h ^ (h >> 31);
    }
}
