// Reads corpora from plain text files (documents separated by blank lines), folders of text files
// (one document per file, in ordinal path order) and JSONL ({"text": ...} per line). Hostile input is
// refused with one line naming the file: empty files, binary (NUL bytes), invalid UTF-8, oversized
// files or lines, malformed JSONL, and sealed holdout files. Lines are streamed with a length cap, so a
// multi-gigabyte single line is refused after reading at most MaxLineBytes, never loaded whole.
using System.Text;
using System.Text.Json;
using Successor.Training.Data;

namespace Successor.Data.Corpora;

public static class CorpusReader
{
    /// <summary>A plain text file larger than this is refused (split it, or convert it to JSONL).</summary>
    public const long MaxTextFileBytes = 1L << 30;
    /// <summary>A JSONL line (one document) longer than this is refused.</summary>
    public const int MaxLineBytes = 16 << 20;

    static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Corpus Load(string path)
    {
        if (Directory.Exists(path)) return LoadFolder(path);
        if (!File.Exists(path))
            throw new DataException(
                $"data {path}: no such file or folder; give a .txt file, a .jsonl file or a folder of .txt files");
        var documents = IsJsonl(path) ? ReadJsonl(path) : ReadText(path);
        if (documents.Count == 0)
            throw new DataException(
                $"data {path}: has no documents (only whitespace); give at least one non-empty document");
        return new Corpus(path, documents);
    }

    static bool IsJsonl(string path) => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    static Corpus LoadFolder(string path)
    {
        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f =>
                f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || IsJsonl(f)
                || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new DataException($"data {path}: folder has no .txt, .md or .jsonl files; put text files in it");
        var documents = new List<Document>();
        foreach (var file in files)
        {
            if (IsJsonl(file)) documents.AddRange(ReadJsonl(file));
            else
            {
                string text = Decode(file, ReadCapped(file), 0).Trim();
                if (text.Length > 0) documents.Add(new Document(Path.GetRelativePath(path, file), text));
            }
        }
        if (documents.Count == 0)
            throw new DataException($"data {path}: every file is empty; give at least one non-empty document");
        return new Corpus(path, documents);
    }

    static List<Document> ReadText(string path)
    {
        var bytes = ReadCapped(path);
        string text = Decode(path, bytes, 0).ReplaceLineEndings("\n");
        var documents = new List<Document>();
        int paragraph = 0;
        foreach (var part in text.Split("\n\n"))
        {
            string d = part.Trim('\n', '\r', ' ', '\t');
            paragraph++;
            if (d.Length > 0) documents.Add(new Document($"{Path.GetFileName(path)}#{paragraph}", d));
        }
        return documents;
    }

    static byte[] ReadCapped(string path)
    {
        long length;
        try { length = new FileInfo(path).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unreadable(path, e); }
        if (length == 0) throw new DataException($"data {path}: is empty; give a text file with at least one document");
        if (length > MaxTextFileBytes)
            throw new DataException(
                $"data {path}: is {length:N0} bytes; a plain text file may have at most {MaxTextFileBytes:N0} " +
                "(split it into a folder of files or JSONL)");
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unreadable(path, e); }
    }

    static DataException Unreadable(string path, Exception e) =>
        new($"data {path}: cannot be read ({e.Message}); give a readable file");

    /// <summary>Strict UTF-8 with no NUL bytes; `offset` is where `bytes` start in the file, for the message.</summary>
    internal static string Decode(string path, ReadOnlySpan<byte> bytes, long offset, int? line = null)
    {
        string where = line is { } l ? $" (line {l})" : "";
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
            throw new DataException(
                $"data {path}: has a NUL byte at offset {offset + nul}{where}, so it is binary, not text; " +
                "give UTF-8 text");
        try { return Strict.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            throw new DataException(
                $"data {path}: invalid UTF-8 at byte {offset + Math.Max(0, e.Index)}{where}; give UTF-8 text " +
                "(re-encode it, e.g. iconv -t UTF-8)");
        }
    }

    static List<Document> ReadJsonl(string path)
    {
        var documents = new List<Document>();
        bool any = false;
        foreach (var (line, number, offset) in Lines(path))
        {
            any = true;
            if (line.Length == 0 || line.AsSpan().Trim((byte)' ').Length == 0) continue;
            string json = Decode(path, line, offset, number);
            if (number == 1 && json.Trim() == SealedFormat.Header)
                throw new DataException(
                    $"data {path}: is a sealed holdout; only the Verifier reads it " +
                    "(give the train or validation split instead)");
            string? text;
            try
            {
                using var doc = JsonDocument.Parse(json);
                if (doc.RootElement.ValueKind != JsonValueKind.Object
                    || !doc.RootElement.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                    throw new DataException(
                        $"data {path}: line {number} has no \"text\" string; " +
                        $"each line must be an object like {{\"text\": \"...\"}}");
                text = t.GetString();
            }
            catch (JsonException e)
            {
                throw new DataException(
                    $"data {path}: line {number} is not valid JSON ({Models.JsonProblem.Syntax(e)}); " +
                    $"each line must be an object like {{\"text\": \"...\"}}");
            }
            if (!string.IsNullOrWhiteSpace(text))
                documents.Add(new Document($"{Path.GetFileName(path)}:{number}", text));
        }
        if (!any)
            throw new DataException($"data {path}: is empty; give JSONL with one {{\"text\": ...}} object per line");
        return documents;
    }

    /// <summary>The file's lines as bytes (without \n or \r\n), each with its 1-based number and byte offset.
    /// A line longer than MaxLineBytes is refused as soon as the cap is passed.</summary>
    internal static IEnumerable<(byte[] Line, int Number, long Offset)> Lines(string path)
    {
        FileStream stream;
        try { stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unreadable(path, e); }
        using (stream)
        {
            var buffer = new byte[1 << 16];
            var current = new MemoryStream();
            int number = 1;
            long position = 0, lineStart = 0;
            int read;
            while ((read = Read(stream, buffer, path)) > 0)
            {
                int start = 0;
                for (int i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n') continue;
                    current.Write(buffer, start, i - start);
                    yield return (TrimCr(current), number++, lineStart);
                    current.SetLength(0);
                    start = i + 1;
                    lineStart = position + i + 1;
                }
                current.Write(buffer, start, read - start);
                if (current.Length > MaxLineBytes)
                    throw new DataException(
                        $"data {path}: line {number} is longer than {MaxLineBytes:N0} bytes; " +
                        "split long documents into lines under that size");
                position += read;
            }
            if (current.Length > 0) yield return (TrimCr(current), number, lineStart);
        }
    }

    static int Read(FileStream stream, byte[] buffer, string path)
    {
        try { return stream.Read(buffer, 0, buffer.Length); }
        catch (IOException e) { throw Unreadable(path, e); }
    }

    static byte[] TrimCr(MemoryStream line)
    {
        var bytes = line.ToArray();
        return bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes[..^1] : bytes;
    }
}
