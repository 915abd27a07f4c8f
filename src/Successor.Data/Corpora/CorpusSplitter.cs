// The deterministic, document-level split. A document's split depends only on (seed, its content's
// SHA-256): not on its position, not on the other documents, not on the machine. So adding documents
// never moves old ones, and exact duplicates always land together (a duplicate cannot leak from train
// into the holdout). Canaries — random markers from a cryptographic generator, so no one can derive
// them from the seed — are appended to holdout documents only: a model that completes one has read
// the holdout.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Successor.Data.Corpora;

public static class CorpusSplitter
{
    /// <summary>Canaries `successor data split` plants unless told otherwise: a text lab's canary check needs
    /// something to look for.</summary>
    public const int DefaultCanaries = 4;

    public static CorpusSplit Split(Corpus corpus, SplitRatios ratios, ulong seed, int canaries = 0)
    {
        if (ratios.Validate() is { } error) throw new ArgumentException($"split of {corpus.Name}: {error}");
        if (canaries < 0) throw new ArgumentException($"--canaries is {canaries}; it must be 0 or more");
        var train = new List<Document>();
        var validation = new List<Document>();
        var holdout = new List<Document>();
        foreach (var d in corpus.Documents)
        {
            double u = Position(seed, d.Text);
            (u < ratios.Train ? train : u < ratios.Train + ratios.Validation ? validation : holdout).Add(d);
        }
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
        return new CorpusSplit(train, validation, holdout, planted);
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
