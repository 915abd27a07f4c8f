// A text as byte tokens, split by position: the first part trains, the last part validates
// (nanoGPT's Shakespeare split). Not a document corpus: Successor.Data's Corpus and CorpusSplitter
// split whole documents. The text's SHA-256 identifies the data in checkpoints and logs.
using System.Security.Cryptography;
using Successor.Models.Tokenizers;

namespace Successor.Training.Data;

public sealed class TextSplit
{
    public TextSplit(string name, byte[] bytes, double validationFraction, int blockSize)
    {
        Name = name;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        int split = (int)(bytes.Length * (1 - validationFraction));
        if (split < blockSize + 1 || bytes.Length - split < blockSize + 1)
            throw new DataException(
                $"data {name}: {bytes.Length} bytes is too small to split " +
                $"{1 - validationFraction:0.##}/{validationFraction:0.##} into windows of {blockSize}; " +
                "give at least " +
                $"{(int)Math.Ceiling((blockSize + 1) / Math.Min(validationFraction, 1 - validationFraction))} bytes");
        Train = new TokenStream(ByteTokenizer.Encode(bytes.AsSpan(0, split)));
        Validation = new TokenStream(ByteTokenizer.Encode(bytes.AsSpan(split)));
    }

    public string Name { get; }
    public string Sha256 { get; }
    public TokenStream Train { get; }
    public TokenStream Validation { get; }

    public TrainingData ToTrainingData() => new(Name, Sha256, Train, Validation);

    public static TextSplit Load(string path, double validationFraction, int blockSize)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"data {path}: cannot be read ({e.Message}); give a readable text file");
        }
        if (SealedMarker.IsSealed(bytes))
            throw new DataException(
                $"data {path}: is a sealed holdout; only the Verifier reads it — train on the split's train file");
        return new TextSplit(path, bytes, validationFraction, blockSize);
    }
}
