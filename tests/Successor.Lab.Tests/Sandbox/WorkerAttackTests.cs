// The red team, worker side: a real hostile process, launched by the lab's own TrialRunner in place of a
// trial's worker, tries each attack from inside the sandbox. Each test asserts that the attack had no effect
// and, where the lab can see it, that the trial ends with the status that names it (the lab raises the
// incident of that kind: WorkerIncidentTests). The sandbox-off controls in SandboxControlTests show that the
// same scripts succeed without the sandbox, so each assertion here can fail.
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Successor.Lab.Sandbox;

namespace Successor.Lab.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class WorkerAttackTests : IDisposable
{
    readonly HostileLab lab = new();

    public void Dispose() => lab.Dispose();

    [Fact]
    public void Reading_the_sealed_holdout_by_path_finds_an_empty_decoy_and_trips_it()
    {
        var (result, _) = lab.Run("""
            cat "$SEALED" > "$FOLDER/stolen.txt"; cat "$SPLIT"/sealed/* >> "$FOLDER/stolen.txt"
            """);
        Assert.Empty(lab.Leaks());
        Assert.Equal(WorkerVerdict.ForbiddenAccess, result.Status);
        Assert.Contains(lab.Sealed, result.Error);
    }

    [Fact]
    public void Reading_the_sealed_holdout_through_proc_reaches_neither_the_lab_nor_the_host()
    {
        var (result, _) = lab.Run("""
            for p in /proc/$LAB_PID /proc/1 /proc/self; do
              cat "$p/root$SEALED" "$p/cwd/$SEALED" >> "$FOLDER/stolen.txt" 2>/dev/null
              ls -la "$p/root/" >> "$FOLDER/listing.txt" 2>&1
            done
            cat /proc/*/root"$SEALED" >> "$FOLDER/stolen.txt" 2>/dev/null
            exit 0
            """);
        Assert.Empty(lab.Leaks());
        // /proc/self/root is the sandbox's own root, where the sealed file is a decoy: the attempt is seen (the
        // lab's pid is not in the sandbox's pid namespace, and pid 1 is bubblewrap's, closed to the worker)
        Assert.Equal(WorkerVerdict.ForbiddenAccess, result.Status);
        Assert.DoesNotContain(".successor", File.ReadAllText(Path.Combine(lab.Folder, "listing.txt")));
    }

    [Fact]
    public void A_symbolic_link_to_the_sealed_side_is_never_followed_by_the_lab()
    {
        // The worker links model.safetensors to the sealed file and reports its hash: a lab that followed the
        // link would verify the result and store the sealed holdout as the trial's model.
        string sha = HostileLab.Sha256(lab.Sealed);
        var (result, _) = lab.Run("""
            ln -s "$SEALED" "$FOLDER/model.safetensors"
            printf '{"id":"g1-hostile","status":"ok","score":1,"model_sha256":"%s","recipe_sha256":"%s"}' \
              "$1" "$2" > "$FOLDER/result.json"
            """, args: [sha, lab.RecipeSha256]);
        Assert.Equal(WorkerVerdict.SpecialFile, result.Status);
        Assert.Contains("model.safetensors", result.Error);
        Assert.False(result.Ok);
    }

    [Fact]
    public void The_worker_holds_no_capability_and_no_setuid_program_can_give_it_one()
    {
        var (result, _) = lab.Run("""
            grep -E '^(CapEff|CapBnd|NoNewPrivs):' /proc/self/status > "$FOLDER/status"
            id -u > "$FOLDER/uid"; su -c 'id -u' > "$FOLDER/su" 2>&1; exit 0
            """);
        string status = File.ReadAllText(Path.Combine(lab.Folder, "status"));
        Assert.Contains("CapEff:\t0000000000000000", status);
        Assert.Contains("CapBnd:\t0000000000000000", status);
        Assert.Contains("NoNewPrivs:\t1", status);
        Assert.NotEqual("0", File.ReadAllText(Path.Combine(lab.Folder, "uid")).Trim());
        Assert.DoesNotContain("\n0\n", "\n" + File.ReadAllText(Path.Combine(lab.Folder, "su")));
        Assert.Equal(WorkerVerdict.ForbiddenSyscall, result.Status);
        Assert.Contains("ran the set-user-id program", result.Error);
    }

    [Fact]
    public void Changing_its_user_or_making_a_namespace_is_refused_and_named()
    {
        var (result, _) = lab.Run("""
            unshare -U true 2> "$FOLDER/unshare.txt"; unshare -n true 2>> "$FOLDER/unshare.txt"
            setpriv --reuid=0 true 2> "$FOLDER/setuid.txt"; exit 0
            """);
        Assert.Equal(WorkerVerdict.ForbiddenSyscall, result.Status);
        Assert.Contains("called unshare", result.Error);
        Assert.NotEmpty(File.ReadAllText(Path.Combine(lab.Folder, "unshare.txt")));
    }

    [Fact]
    public void A_socket_to_a_port_the_lab_listens_on_never_connects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var (result, _) = lab.Run("""
            (exec 3<>/dev/tcp/127.0.0.1/$1 && echo hello >&3) 2> "$FOLDER/error.txt"
            """, args: [port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.False(listener.Pending());
        Assert.NotEmpty(File.ReadAllText(Path.Combine(lab.Folder, "error.txt")));
        Assert.Equal(WorkerVerdict.ForbiddenSyscall, result.Status);
        Assert.Contains("opened a network (AF_INET) socket", result.Error);
    }

    [Fact]
    public void Writing_the_ledger_changes_nothing_and_trips_its_decoy()
    {
        var (result, _) = lab.Run("""echo "rewritten history" > "$LEDGER"; rm -f "$LEDGER" """);
        Assert.Equal(HostileLab.LedgerText, File.ReadAllText(lab.Ledger));
        Assert.Equal(WorkerVerdict.ForbiddenAccess, result.Status);
        Assert.Contains(lab.Ledger, result.Error);
    }

    [Fact]
    public void Another_trials_folder_cannot_be_read_edited_or_removed_and_its_decoys_trip()
    {
        var (result, _) = lab.Run("""
            cat "$VICTIM/result.json" > "$FOLDER/copied.txt" 2>/dev/null
            echo '{"id":"g1-victim","score":99}' > "$VICTIM/result.json"
            rm -rf "$VICTIM"; mkdir -p "$VICTIM/evil"; exit 0
            """);
        Assert.Equal("{\"id\":\"g1-victim\"}", File.ReadAllText(Path.Combine(lab.Victim, "result.json")));
        Assert.False(Directory.Exists(Path.Combine(lab.Victim, "evil")));
        Assert.Equal("", File.ReadAllText(Path.Combine(lab.Folder, "copied.txt")));
        Assert.Equal(WorkerVerdict.ForbiddenAccess, result.Status);
        Assert.Contains(Path.Combine(lab.Victim, "result.json"), result.Error);
    }

    [Fact]
    public void A_fork_bomb_is_held_at_the_process_limit_and_killed()
    {
        var (result, took) = lab.Run("""bomb() { bomb | bomb & }; bomb; sleep 60""");
        Assert.Equal(WorkerVerdict.ProcessLimit, result.Status);
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
        AssertNothingLeftOf(lab.Folder);
    }

    [Fact]
    public void A_memory_bomb_is_killed_at_the_memory_limit()
    {
        var (result, took) = lab.Run("""x=$(head -c 400000000 /dev/zero | tr '\0' a); sleep 60""");
        Assert.True(result.Status is WorkerVerdict.MemoryLimit, $"{result.Status}: {result.Error}");
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
    }

    [Fact]
    public void Filling_the_disk_stops_at_the_file_size_limit()
    {
        var (result, _) = lab.Run("""head -c 200000000 /dev/zero > "$FOLDER/big" """);
        Assert.True(new FileInfo(Path.Combine(lab.Folder, "big")).Length <= lab.Limits.FileSizeBytes);
        Assert.Equal(WorkerVerdict.FileSizeLimit, result.Status);
    }

    [Fact]
    public void Spinning_on_the_cpu_stops_at_the_cpu_limit()
    {
        var (result, took) = lab.Run("""while :; do :; done""");
        Assert.Equal(WorkerVerdict.CpuLimit, result.Status);
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
    }

    [Fact]
    public void Sleeping_for_ever_is_killed_at_the_wall_budget_with_its_children()
    {
        var (result, took) = lab.Run("""(sleep 100000 &); sleep 100000""", budget: TimeSpan.FromSeconds(2));
        Assert.Equal("timeout", result.Status);
        Assert.True(took < TimeSpan.FromSeconds(20), $"took {took}");
        AssertNothingLeftOf(lab.Folder);
    }

    [Fact]
    public void Signalling_the_lab_does_not_reach_it()
    {
        int received = 0;
        using var handler = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, c =>
        {
            Interlocked.Increment(ref received);
            c.Cancel = true;
        });
        var (result, _) = lab.Run("""kill -WINCH "$LAB_PID"; kill -WINCH -1; kill -WINCH 1; exit 0""");
        Thread.Sleep(300);
        Assert.Equal(0, Volatile.Read(ref received));
        Assert.Equal(WorkerVerdict.ForbiddenSyscall, result.Status);
        Assert.Contains($"signalled process {Environment.ProcessId}, which is no process of its sandbox",
            result.Error);
        Assert.Contains("kill -1", result.Error);
    }

    [Fact]
    public void Flooding_stdout_is_killed_without_the_lab_holding_the_flood()
    {
        var (result, took) = lab.Run("""yes 'flood flood flood flood flood flood flood flood' """);
        Assert.Equal(WorkerVerdict.OutputFlood, result.Status);
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
        // what the lab kept of it is CappedOutput's fixed tail (CappedOutputTests)
    }

    [Fact]
    public void A_path_in_the_result_is_never_used_as_an_output_path()
    {
        // result.json names no output path; the one name it carries, the trial id, is checked, never joined.
        var (result, _) = lab.Run("""
            head -c 100 /dev/urandom > "$FOLDER/model.safetensors"
            sha=$(sha256sum "$FOLDER/model.safetensors" | cut -d' ' -f1)
            printf '{"id":"../../../escaped","status":"ok","score":1,"model_sha256":"%s","recipe_sha256":"%s"}' \
              "$sha" "$1" > "$FOLDER/result.json"
            """, args: [lab.RecipeSha256]);
        Assert.Equal(Trials.TrialRunner.Unverifiable, result.Status);
        Assert.Empty(Directory.EnumerateFileSystemEntries(lab.Root, "escaped*", SearchOption.AllDirectories));
    }

    /// <summary>No process still runs with the trial's folder as its working directory.</summary>
    static void AssertNothingLeftOf(string folder)
    {
        Thread.Sleep(500);
        var left = Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Where(d =>
            {
                try { return new DirectoryInfo(Path.Combine(d, "cwd")).LinkTarget == folder; }
                catch (IOException) { return false; }
                catch (UnauthorizedAccessException) { return false; }
            }).ToList();
        Assert.Empty(left);
    }
}
