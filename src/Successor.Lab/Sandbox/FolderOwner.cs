// A root lab's workers each run as a user of their own (WorkerSandbox.NextWorkerUid), so a worker's folder
// is handed to its user before each start (a resumed trial's checkpoints included). Symbolic links are
// changed themselves, never followed.
using System.Runtime.InteropServices;

namespace Successor.Lab.Sandbox;

public static partial class FolderOwner
{
    public static void HandOver(string folder, int uid)
    {
        if (!WorkerSandbox.DropsToWorkerUser) return;
        Own(folder, (uint)uid);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
            { AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            // a link a worker left is changed itself and never entered: it could lead to any folder of the host
            if (entry is DirectoryInfo && entry.LinkTarget is null) HandOver(entry.FullName, uid);
            else Own(entry.FullName, (uint)uid);
        }
    }

    static void Own(string path, uint id)
    {
        if (lchown(path, id, id) != 0)
            throw new IOException($"{path}: cannot hand it to the sandbox's user {id} " +
                $"(errno {Marshal.GetLastPInvokeError()})");
    }

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, uint owner, uint group);
}
