// A named list of documents and the SHA-256 of their content (the same documents in the same order
// give the same hash, whatever files they were read from).
using System.Security.Cryptography;
using System.Text;

namespace Successor.Data.Corpora;

public sealed class Corpus(string name, IReadOnlyList<Document> documents)
{
    public string Name { get; } = name;
    public IReadOnlyList<Document> Documents { get; } = documents;
    public long Bytes => Documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
    public string Sha256 => ContentHash(Documents);

    /// <summary>SHA-256 over each document's UTF-8 length and bytes, in order: unambiguous framing.</summary>
    public static string ContentHash(IEnumerable<Document> documents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var d in documents)
        {
            var bytes = Encoding.UTF8.GetBytes(d.Text);
            BitConverter.TryWriteBytes(length, (long)bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>All documents as one text, separated by blank lines (what a text trainer reads).</summary>
    public string JoinedText() => string.Join("\n\n", Documents.Select(d => d.Text));
}
