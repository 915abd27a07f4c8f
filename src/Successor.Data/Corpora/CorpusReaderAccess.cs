// The capped line reader, for the Verifier's holdout reader (internal: visible to Successor.Evaluation only).
namespace Successor.Data.Corpora;

internal static class CorpusReaderAccess
{
    public static IEnumerable<(byte[] Line, int Number, long Offset)> Lines(string path) => CorpusReader.Lines(path);
}
