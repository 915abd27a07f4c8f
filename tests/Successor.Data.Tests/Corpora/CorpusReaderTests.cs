// Corpora load from text, folders and JSONL; hostile files get one clear line, never a crash or a hang.
using Successor.Data.Corpora;
using Successor.Training.Data;

namespace Successor.Data.Tests.Corpora;

public sealed class CorpusReaderTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("successor-data-").FullName;

    string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    static string Error(string path) => Assert.Throws<DataException>(() => CorpusReader.Load(path)).Message;

    [Fact]
    public void A_text_file_is_split_into_documents_at_blank_lines()
    {
        var corpus = CorpusReader.Load(Write("a.txt", "first doc\nline two\n\n\nsecond doc\r\n\r\nthird"));
        Assert.Equal(["first doc\nline two", "second doc", "third"], corpus.Documents.Select(d => d.Text));
    }

    [Fact]
    public void A_folder_gives_one_document_per_file_in_path_order()
    {
        Write("f/b.txt", "bee");
        Write("f/a.txt", "ay");
        Write("f/sub/c.md", "sea");
        Write("f/skip.bin", "ignored");
        Assert.Equal(["ay", "bee", "sea"], CorpusReader.Load(Path.Combine(folder, "f")).Documents.Select(d => d.Text));
    }

    [Fact]
    public void Jsonl_gives_one_document_per_line()
    {
        var corpus =
            CorpusReader.Load(Write("a.jsonl", "{\"text\": \"one\"}\n\n{\"text\": \"two\\nlines\", \"id\": 3}\r\n"));
        Assert.Equal(["one", "two\nlines"], corpus.Documents.Select(d => d.Text));
    }

    [Fact]
    public void The_content_hash_depends_on_the_documents_not_the_files()
    {
        var a = CorpusReader.Load(Write("a.txt", "x\n\ny"));
        var b = CorpusReader.Load(Write("b.jsonl", "{\"text\":\"x\"}\n{\"text\":\"y\"}"));
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.NotEqual(a.Sha256, CorpusReader.Load(Write("c.txt", "xy")).Sha256);
    }

    [Fact]
    public void Empty_files_and_folders_are_refused()
    {
        Assert.Contains("is empty", Error(Write("e.txt", "")));
        Assert.Contains("is empty", Error(Write("e.jsonl", "")));
        Assert.Contains("no documents", Error(Write("w.txt", "\n\n  \n")));
        Directory.CreateDirectory(Path.Combine(folder, "none"));
        Assert.Contains("has no .txt", Error(Path.Combine(folder, "none")));
        Assert.Contains("no such file", Error(Path.Combine(folder, "missing.txt")));
    }

    [Fact]
    public void Binary_junk_is_refused_with_the_offset_of_the_first_NUL()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        junk[100] = 0;
        string message = Error(Write("junk.txt", junk));
        Assert.Contains("junk.txt", message);
        Assert.Matches("NUL byte at offset \\d+|invalid UTF-8", message);
        Assert.Contains("NUL byte at offset 2", Error(Write("nul.jsonl", "{\"\0")));
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_byte_offset()
    {
        Assert.Contains("invalid UTF-8 at byte 3",
            Error(Write("bad.txt", [(byte)'a', (byte)'b', (byte)'c', 0xC3, 0x28])));
        Assert.Contains("line 2",
            Error(Write("bad.jsonl", [.. "{\"text\":\"ok\"}\n{\"text\":\""u8.ToArray(), 0xFF, (byte)'"', (byte)'}'])));
    }

    [Theory]
    [InlineData("{\"text\": \"ok\"}\n{\"text\": ", "line 2 is not valid JSON")]
    [InlineData("[1, 2]", "line 1 has no \"text\" string")]
    [InlineData("{\"body\": \"x\"}", "line 1 has no \"text\" string")]
    [InlineData("{\"text\": 5}", "line 1 has no \"text\" string")]
    [InlineData("plain text, not json", "line 1 is not valid JSON")]
    public void Malformed_jsonl_names_the_line(string content, string expected) =>
        Assert.Contains(expected, Error(Write("m.jsonl", content)));

    [Fact]
    public void A_two_gigabyte_text_file_is_refused_by_its_size_without_reading_it()
    {
        string path = Path.Combine(folder, "huge.txt");
        using (var f = File.Create(path)) f.SetLength(2L << 30); // sparse: costs no disk and no time
        Assert.Contains("a plain text file may have at most", Error(path));
    }

    [Fact]
    public void A_two_gigabyte_jsonl_file_of_one_line_is_refused_after_the_line_cap()
    {
        string path = Path.Combine(folder, "huge.jsonl");
        using (var f = File.Create(path))
        {
            var line = new byte[1 << 20];
            Array.Fill(line, (byte)'a');
            for (int i = 0; i < 17; i++) f.Write(line); // 17 MiB of one line, then a sparse tail to 2 GiB
            f.SetLength(2L << 30);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Contains("line 1 is longer than", Error(path));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void A_sealed_holdout_file_is_refused_by_the_public_reader()
    {
        string path = Write("sealed/holdout.jsonl", SealedFormat.Header + "\n{\"text\":\"secret\"}\n");
        Assert.Contains("is a sealed holdout", Error(path));
        Assert.Contains("is a sealed holdout", Error(folder));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
