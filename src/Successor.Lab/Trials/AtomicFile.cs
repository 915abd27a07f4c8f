// Files a crash must never leave half-written (trial specs and results).
namespace Successor.Lab.Trials;

public static class AtomicFile
{
    /// <summary>Write to a temporary file, flush to disk, then rename: readers see the old file or the new
    /// one. The temporary file is created new (never opened through a link a worker left in its folder).
    /// </summary>
    public static void WriteAllText(string path, string text)
    {
        string temp = path + ".tmp";
        File.Delete(temp); // removes a link itself, never its target
        using (var f = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
