// The deterministic, document-level split. A document's split depends only on (seed, its content's
// SHA-256): not on its position, not on the other documents, not on the machine. So adding documents
// never moves old ones, and exact duplicates always land together (a duplicate cannot leak from train
// into the holdout). Canaries — random markers from a cryptographic generator, so no one can derive
// them from the seed — are appended to holdout documents only: a model that completes one has read
// the holdout. Documents that overlap one another by the contamination guard's rule (a shared 13-gram or
// 50-byte window) are kept on one side — the side their group's first document by position draws — or, on
// request, all but that one are dropped: so a split this writes is one the lab's guard accepts.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Successor.Data.Corpora;

public static class CorpusSplitter
{
    /// <summary>Canaries `successor data split` plants unless told otherwise: a text lab's canary check needs
    /// something to look for.</summary>
    public const int DefaultCanaries = 4;

    public static CorpusSplit Split(Corpus corpus, SplitRatios ratios, ulong seed, int canaries = 0,
        NearDuplicates nearDuplicates = NearDuplicates.Together)
    {
        if (ratios.Validate() is { } error) throw new ArgumentException($"split of {corpus.Name}: {error}");
        if (canaries < 0) throw new ArgumentException($"--canaries is {canaries}; it must be 0 or more");
        var train = new List<Document>();
        var validation = new List<Document>();
        var holdout = new List<Document>();
        var documents = corpus.Documents;
        var position = documents.Select(d => Position(seed, d.Text)).ToArray();
        var group = Contamination.NearDuplicateGroups.Of(documents);
        var members = Enumerable.Range(0, documents.Count).GroupBy(i => group[i])
            .ToDictionary(g => g.Key, g => g.ToList());
        var leader = members.ToDictionary(g => g.Key, g => g.Value.MinBy(i => position[i]));
        var sides = new[] { train, validation, holdout };
        int Side(double u) => u < ratios.Train ? 0 : u < ratios.Train + ratios.Validation ? 1 : 2;
        double[] share = [ratios.Train, ratios.Validation, ratios.Holdout];
        int moved = 0, dropped = 0;
        for (int i = 0; i < documents.Count; i++)
        {
            var mine = members[group[i]];
            int side = Side(position[i]);
            if (mine.Count > 1 && nearDuplicates == NearDuplicates.Drop && leader[group[i]] != i)
            {
                dropped++;
                continue;
            }
            if (mine.Count > 1 && nearDuplicates == NearDuplicates.Together)
            {
                int drawn = Side(position[leader[group[i]]]);
                // a group too big for an evaluation side (over half its share) would starve or swamp it
                if (drawn != 0 && mine.Count > share[drawn] * documents.Count / 2) drawn = 0;
                if (drawn != side) moved++;
                side = drawn;
            }
            sides[side].Add(documents[i]);
        }
        var report = new NearDuplicateReport(nearDuplicates, members.Count(g => g.Value.Count > 1),
            documents.Count, moved, dropped);
        if (canaries > 0 && holdout.Count == 0)
            throw new ArgumentException(
                $"split of {corpus.Name}: the holdout got no documents, so canaries cannot be planted; " +
                "give more documents or a larger holdout ratio");
        var planted = Enumerable.Range(0, canaries).Select(_ => NewCanary()).ToList();
        for (int i = 0; i < planted.Count; i++)
        {
            int at = (int)((ulong)i * 2654435761UL % (ulong)holdout.Count);
            holdout[at] = holdout[at] with { Text = holdout[at].Text + "\n" + planted[i].Text };
        }
        return new CorpusSplit(train, validation, holdout, planted) { NearDuplicates = report };
    }

    /// <summary>A uniform number in [0, 1) from SHA-256(seed ‖ text).</summary>
    public static double Position(ulong seed, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var input = new byte[8 + bytes.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        bytes.CopyTo(input, 8);
        ulong h = BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(input));
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    static Canary NewCanary()
    {
        string hex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new Canary($"successor canary {hex[..8]}: ", hex[8..]);
    }
}
