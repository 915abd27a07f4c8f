// Drains a worker's stdout or stderr without holding it: counts every byte, keeps only the last few
// kilobytes (for the error line), so a worker that floods its output cannot exhaust the lab's memory.
namespace Successor.Lab.Sandbox;

public sealed class CappedOutput
{
    const int Keep = 8192;
    readonly byte[] tail = new byte[Keep];
    int kept;
    long total;

    CappedOutput(Stream stream) => Done = Drain(stream);

    public static CappedOutput Drain(StreamReader reader) => new(reader.BaseStream);

    /// <summary>Ends when the stream does (the worker and every process holding it are gone).</summary>
    public Task Done { get; }

    public long Bytes => Interlocked.Read(ref total);

    async Task Drain(Stream stream)
    {
        var buffer = new byte[65536];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            lock (tail)
            {
                if (n >= Keep) { Array.Copy(buffer, n - Keep, tail, 0, Keep); kept = Keep; }
                else
                {
                    int drop = Math.Max(0, kept + n - Keep);
                    Array.Copy(tail, drop, tail, 0, kept - drop);
                    Array.Copy(buffer, 0, tail, kept - drop, n);
                    kept = kept - drop + n;
                }
            }
            Interlocked.Add(ref total, n);
        }
    }

    /// <summary>The last non-empty line kept, or null.</summary>
    public string? LastLine()
    {
        string text;
        lock (tail) text = System.Text.Encoding.UTF8.GetString(tail, 0, kept);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault();
    }
}
