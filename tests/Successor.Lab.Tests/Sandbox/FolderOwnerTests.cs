// A root lab hands each trial folder to the sandbox's user before the worker starts; a link a previous
// worker left there must not hand over what it points at.
using Successor.Lab.Sandbox;

namespace Successor.Lab.Tests.Sandbox;

public sealed class FolderOwnerTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("successor-owner-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Handing_a_folder_over_changes_its_files_and_never_follows_a_link_out_of_it()
    {
        Assert.True(WorkerSandbox.DropsToWorkerUser, "these tests run as root here, as the lab does");
        string outside = Directory.CreateDirectory(Path.Combine(root, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "precious"), "the lab's");
        string folder = Directory.CreateDirectory(Path.Combine(root, "trial", "checkpoint")).Parent!.FullName;
        File.WriteAllText(Path.Combine(folder, "checkpoint", "model.safetensors"), "weights");
        Directory.CreateSymbolicLink(Path.Combine(folder, "escape"), outside);
        int uid = WorkerSandbox.NextWorkerUid();
        FolderOwner.HandOver(folder, uid);
        Assert.Equal(uid, Owner(Path.Combine(folder, "checkpoint", "model.safetensors")));
        Assert.Equal(uid, Owner(Path.Combine(folder, "escape")));
        Assert.Equal(0, Owner(Path.Combine(outside, "precious")));
        Assert.Equal(0, Owner(outside));
    }

    /// <summary>The owner's uid as `stat -c %u` prints it (of a link itself, not its target).</summary>
    static int Owner(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%u", path])
            { RedirectStandardOutput = true };
        using var p = System.Diagnostics.Process.Start(start)!;
        string text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
