// What the lab must not find in a worker's folder before reading it from outside the sandbox: a symbolic
// link (it would point the lab at a file of the worker's choosing, the sealed side or the ledger) or a FIFO,
// socket or device (opening a FIFO blocks the lab for ever). Regular files and folders only.
using System.Runtime.InteropServices;

namespace Successor.Lab.Sandbox;

public static partial class SpecialFiles
{
    const uint TypeMask = 0xF000, Regular = 0x8000, Folder = 0x4000, Link = 0xA000;

    /// <summary>Up to 3 special entries of `folder` (recursively, links not followed), each described.</summary>
    public static IReadOnlyList<string> In(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var found = new List<string>();
        foreach (string path in Directory.EnumerateFileSystemEntries(folder, "*",
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            uint type = TypeOf(path);
            if (type is Regular or Folder) continue;
            string name = Path.GetRelativePath(folder, path);
            found.Add(type == Link ? $"a symbolic link {name} -> {new FileInfo(path).LinkTarget}"
                : $"a special file {name} (mode 0x{type:x})");
            if (found.Count == 3) break;
        }
        return found;
    }

    /// <summary>The file type bits of lstat's st_mode; st_mode sits at byte 24 of struct stat on x86-64 and
    /// at byte 16 on the generic layout (arm64).</summary>
    static uint TypeOf(string path)
    {
        var stat = new byte[256];
        if (lstat(path, stat) != 0) return Regular; // gone meanwhile: nothing left to read
        int at = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        return BitConverter.ToUInt32(stat, at) & TypeMask;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lstat(string path, byte[] buffer);
}
