// fsync of a directory, so a rename survives power loss; .NET has no API for it, so libc is called.
using System.Runtime.InteropServices;

namespace Successor.Ledger.Artifacts;

internal static partial class FileSync
{
    private const int ReadOnly = 0;

    public static void Directory(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        int fd = Open(path, ReadOnly);
        if (fd < 0) return; // best effort: the rename itself is already atomic
        try { _ = Fsync(fd); } finally { _ = Close(fd); }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
