// The default tokenizer: one token per byte of UTF-8 (vocabulary 256), so any text round-trips and
// nothing has to be trained or downloaded. Stored in checkpoints by its name.
using System.Text;

namespace Successor.Models.Tokenizers;

public static class ByteTokenizer
{
    public const string Name = "bytes";
    public const int VocabSize = 256;

    public static int[] Encode(ReadOnlySpan<byte> bytes)
    {
        var tokens = new int[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) tokens[i] = bytes[i];
        return tokens;
    }

    public static int[] Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    /// <summary>Invalid UTF-8 (a sample cut mid-character) decodes to U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<int> tokens)
    {
        var bytes = new byte[tokens.Length];
        for (int i = 0; i < tokens.Length; i++) bytes[i] = (byte)tokens[i];
        return Encoding.UTF8.GetString(bytes);
    }
}
