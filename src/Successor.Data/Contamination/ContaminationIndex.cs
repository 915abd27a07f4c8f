// N-gram overlap between training data and evaluation data. Two detectors, after GPT-3's 13-gram
// filter (Brown et al. 2020, appendix C) and byte-window matching: a training document is flagged when
// it shares any 13-gram of word tokens (whitespace-separated, lowercased) or any 50-byte window of its
// UTF-8 with a reference (validation or holdout) document. Grams are stored as 64-bit hashes. A sealed
// reference's hits are all kept, one per training document, because each of them is refused.
using System.Text;

namespace Successor.Data.Contamination;

public sealed class ContaminationIndex
{
    public const int WordGram = 13, ByteWindow = 50;
    const ulong Base = 1099511628211UL;

    readonly Dictionary<ulong, int> words = [], bytes = [];
    readonly List<(string Name, bool Sealed)> references = [];

    /// <summary>Adds every 13-gram and 50-byte window of the reference documents, under the reference's name.
    /// `sealedSide`: the reference is sealed evaluation data, which no training document may overlap at all.</summary>
    public void Add(string reference, IEnumerable<Corpora.Document> documents, bool sealedSide = false)
    {
        ArgumentNullException.ThrowIfNull(documents);
        int r = references.Count;
        references.Add((reference, sealedSide));
        foreach (var d in documents)
        {
            foreach (var (h, _) in WordGrams(d.Text)) Keep(words, h, r);
            foreach (var (h, _) in Windows(Encoding.UTF8.GetBytes(d.Text))) Keep(bytes, h, r);
        }
    }

    /// <summary>A gram shared by several references is kept under a sealed one, so its overlap is never let
    /// through as merely public.</summary>
    void Keep(Dictionary<ulong, int> grams, ulong hash, int reference)
    {
        if (!grams.TryAdd(hash, reference) && references[reference].Sealed) grams[hash] = reference;
    }

    /// <summary>Checks each training document against the index; keeps up to `examples` hits.</summary>
    public ContaminationReport Check(IEnumerable<Corpora.Document> training, int examples = 5)
    {
        int documents = 0, flagged = 0;
        long wordGrams = 0, wordHits = 0, windows = 0, windowHits = 0;
        var found = new List<ContaminationHit>();
        var sealedHits = new List<ContaminationHit>();
        foreach (var d in training)
        {
            documents++;
            ContaminationHit? first = null, firstSealed = null;
            var tokens = Tokens(d.Text);
            foreach (var (h, at) in WordGrams(d.Text))
            {
                wordGrams++;
                if (!words.TryGetValue(h, out var reference)) continue;
                wordHits++;
                if (!Wanted(first, firstSealed, reference)) continue;
                var hit = Hit(d, reference, "13-gram", string.Join(' ', tokens.Skip(at).Take(WordGram)),
                    () => LineOfToken(d.Text, at));
                first ??= hit;
                if (hit.Sealed) firstSealed ??= hit;
            }
            var utf8 = Encoding.UTF8.GetBytes(d.Text);
            foreach (var (h, at) in Windows(utf8))
            {
                windows++;
                if (!bytes.TryGetValue(h, out var reference)) continue;
                windowHits++;
                if (!Wanted(first, firstSealed, reference)) continue;
                var hit = Hit(d, reference, "50-byte", Encoding.UTF8.GetString(utf8, at, ByteWindow),
                    () => 1 + utf8.AsSpan(0, at).Count((byte)'\n'));
                first ??= hit;
                if (hit.Sealed) firstSealed ??= hit;
            }
            if (first is null) continue;
            flagged++;
            if (found.Count < examples) found.Add(first);
            if (firstSealed is not null) sealedHits.Add(firstSealed);
        }
        return new ContaminationReport(documents, flagged, wordGrams, wordHits, windows, windowHits, found)
            { SealedHits = sealedHits };
    }

    /// <summary>Whether a hit on `reference` adds anything to what the document's hits already say.</summary>
    bool Wanted(ContaminationHit? first, ContaminationHit? firstSealed, int reference) =>
        first is null || (firstSealed is null && references[reference].Sealed);

    ContaminationHit Hit(Corpora.Document d, int reference, string kind, string excerpt, Func<int> line) =>
        new(d.Id, references[reference].Name, kind, excerpt)
            { Line = line(), Sealed = references[reference].Sealed };

    /// <summary>The line (1-based) on which the `token`-th whitespace-separated token of `text` starts.</summary>
    static int LineOfToken(string text, int token)
    {
        int line = 1, seen = -1;
        bool inToken = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inToken && ++seen == token) return line;
            inToken = !space;
            if (c == '\n') line++;
        }
        return line;
    }

    static string[] Tokens(string text) =>
        text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    internal static IEnumerable<(ulong Hash, int At)> WordGrams(string text)
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
    internal static IEnumerable<(ulong Hash, int At)> Windows(byte[] text)
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
