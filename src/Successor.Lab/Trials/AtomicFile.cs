// Files a crash must never leave half-written (trial specs and results).
namespace Successor.Lab.Trials;

public static class AtomicFile
{
    /// <summary>Write to a temporary file, flush to disk, then rename: readers see the old file or the new
    /// one.</summary>
    public static void WriteAllText(string path, string text)
    {
        string temp = path + ".tmp";
        using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
