// A root lab's workers run as WorkerSandbox.WorkerUid, so their folder is handed to that user before each
// start (a resumed trial's checkpoints included). Symbolic links are changed themselves, never followed.
using System.Runtime.InteropServices;

namespace Successor.Lab.Sandbox;

static partial class FolderOwner
{
    public static void HandOver(string folder)
    {
        if (!WorkerSandbox.DropsToWorkerUser) return;
        Own(folder);
        foreach (string entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions
            { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false }))
            Own(entry);
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
