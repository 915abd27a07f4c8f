// A root lab's workers run as WorkerSandbox.WorkerUid, so their folder is handed to that user before each
// start (a resumed trial's checkpoints included). Symbolic links are changed themselves, never followed.
using System.Runtime.InteropServices;

namespace Successor.Lab.Sandbox;

public static partial class FolderOwner
{
    public static void HandOver(string folder)
    {
        if (!WorkerSandbox.DropsToWorkerUser) return;
        Own(folder);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
            { AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            // a link a worker left is changed itself and never entered: it could lead to any folder of the host
            if (entry is DirectoryInfo && entry.LinkTarget is null) HandOver(entry.FullName);
            else Own(entry.FullName);
        }
    }

    static void Own(string path)
    {
        const uint id = WorkerSandbox.WorkerUid;
        if (lchown(path, id, id) != 0)
            throw new IOException($"{path}: cannot hand it to the sandbox's user {id} " +
                $"(errno {Marshal.GetLastPInvokeError()})");
    }

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, uint owner, uint group);
}
