// Decoys where forbidden files are: each forbidden path of a sandbox's view is bound to an empty,
// world-writable file of the lab's, watched with inotify. Any open, read or write of it — by path, through
// /proc, through a symbolic link, blocking or not — is an event the lab reads; an honest worker never
// causes one. The worker learns nothing from it: the file is empty, and what it writes there is thrown away.
using System.Runtime.InteropServices;

namespace Successor.Lab.Sandbox;

public sealed partial class Tripwire : IDisposable
{
    const uint InAccess = 0x1, InModify = 0x2, InOpen = 0x20;
    const int InNonBlock = 0x800, InCloExec = 0x80000;

    readonly DirectoryInfo folder;
    readonly int fd;
    readonly Dictionary<int, string> watches = [];
    readonly List<string> tripped = [];

    /// <summary>Decoys for `forbidden` host paths, laid in a folder of their own.</summary>
    public Tripwire(IEnumerable<string> forbidden)
    {
        folder = Directory.CreateTempSubdirectory("successor-decoys-");
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("decoys need Linux's inotify");
        folder.UnixFileMode = (UnixFileMode)0x1ED; // 0755: a dropped worker user must reach its decoys
        fd = inotify_init1(InNonBlock | InCloExec);
        if (fd < 0) throw new IOException($"inotify_init1 failed (errno {Marshal.GetLastPInvokeError()})");
        var decoys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in forbidden.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            string decoy = Path.Combine(folder.FullName, $"decoy{decoys.Count}");
            File.WriteAllBytes(decoy, []);
            File.SetUnixFileMode(decoy, (UnixFileMode)0x1B6); // 0666: a write attempt must reach it to be seen
            int wd = inotify_add_watch(fd, decoy, InOpen | InAccess | InModify);
            if (wd < 0) throw new IOException($"inotify_add_watch {decoy} failed");
            watches[wd] = path;
            decoys[path] = decoy;
        }
        Decoys = decoys;
    }

    /// <summary>Forbidden host path → the decoy file bound there.</summary>
    public IReadOnlyDictionary<string, string> Decoys { get; }

    /// <summary>The forbidden paths something opened, read or wrote so far.</summary>
    public IReadOnlyList<string> Tripped()
    {
        var buffer = new byte[4096];
        nint n;
        while ((n = read(fd, buffer, buffer.Length)) > 0)
            for (int at = 0; at + 16 <= n; at += 16 + BitConverter.ToInt32(buffer, at + 12))
                if (watches.TryGetValue(BitConverter.ToInt32(buffer, at), out var path) && !tripped.Contains(path))
                    tripped.Add(path);
        return tripped;
    }

    public void Dispose()
    {
        _ = close(fd);
        folder.Delete(recursive: true);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int inotify_init1(int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int inotify_add_watch(int fd, string path, uint mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, byte[] buffer, nint count);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
