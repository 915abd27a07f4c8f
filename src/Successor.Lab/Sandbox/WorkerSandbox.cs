// Wraps a worker's command in a bubblewrap sandbox: no network and its own pid, ipc, uts and mount
// namespaces; a read-only system (/usr and the loader's cache); a fresh /proc, /dev and /tmp; its own folder
// writable; its inputs and programs read-only at their own paths; decoys where forbidden files are; nothing
// else of the machine. The kernel holds it to SandboxLimits (prlimit inside the sandbox) and to a system-call
// filter whose forbidden calls the lab answers and names (SyscallGuard). A lab running as
// root has bubblewrap drop each worker to an unprivileged user of its own (setpriv): the kernel never counts
// root's processes against a process limit, counts them per user (one user per worker keeps one worker's
// fork bomb from starving another), and a worker should not be root anyway.
using System.Diagnostics;
using System.Globalization;

namespace Successor.Lab.Sandbox;

public sealed class WorkerSandbox(SandboxLimits limits)
{
    /// <summary>Where the host users of a root lab's workers start: no account has them, and each worker gets
    /// one no other running worker has (this process's id and a counter pick it).</summary>
    public const int FirstWorkerUid = 6_500_000;

    static int launches;

    /// <summary>A user id for the next worker of this process (meaningful when DropsToWorkerUser).</summary>
    public static int NextWorkerUid() =>
        FirstWorkerUid + System.Environment.ProcessId % 10_000 * 100 + Interlocked.Increment(ref launches) % 100;

    public SandboxLimits Limits { get; } = limits;

    /// <summary>True when the sandboxed process runs as a user of its own (the lab is root): its folder must be
    /// handed to that user first (FolderOwner).</summary>
    public static bool DropsToWorkerUser => System.Environment.IsPrivilegedProcess;

    /// <summary>The command line that runs `worker` inside the sandbox, as user `uid` when the lab is root;
    /// `decoys` maps each forbidden host path of the view to the decoy file laid there.</summary>
    public ProcessStartInfo Wrap(ProcessStartInfo worker, SandboxView view, IReadOnlyDictionary<string, string> decoys,
        int uid)
    {
        var start = new ProcessStartInfo(Tool("bwrap")) { UseShellExecute = false, WorkingDirectory = view.Writable };
        var a = start.ArgumentList;
        // As root, bubblewrap sets up the namespaces with root's rights and the worker drops to `uid`;
        // otherwise a user namespace maps the worker to the lab's own user, with no capability.
        if (DropsToWorkerUser)
            Add(a, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try");
        else Add(a, "--unshare-all", "--unshare-user", "--cap-drop", "ALL");
        Add(a, "--die-with-parent", "--new-session", "--ro-bind", "/usr", "/usr");
        foreach (string top in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" })
        {
            var info = new FileInfo(top);
            if (info.LinkTarget is { } target) Add(a, "--symlink", target, top);
            else if (Directory.Exists(top)) Add(a, "--ro-bind", top, top);
        }
        foreach (string file in new[] { "/etc/ld.so.cache", "/etc/ld.so.conf" }) Add(a, "--ro-bind-try", file, file);
        Add(a, "--proc", "/proc", "--dev", "/dev", "--perms", "01777", "--tmpfs", "/tmp");
        var binds = view.Programs.Concat(view.Inputs).Concat(SyscallGuard.Folders).Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal).Where(p => !Under(p, "/usr")).ToList();
        string writable = Path.GetFullPath(view.Writable);
        // Parent folders are made, readable, before anything is mounted in them: bubblewrap would otherwise
        // copy the host's modes, and a 0700 folder of root's would hide a worker's own inputs from it.
        foreach (string dir in binds.Append(writable).Concat(decoys.Keys).SelectMany(Ancestors)
            .Distinct(StringComparer.Ordinal).OrderBy(d => d.Length))
            Add(a, "--perms", "0755", "--dir", dir);
        foreach (string path in binds) Add(a, "--ro-bind", path, path);
        Add(a, "--bind", writable, writable);
        foreach (var (path, decoy) in decoys) Add(a, "--bind", decoy, path);
        Add(a, "--chdir", writable, "--clearenv");
        foreach (var (name, value) in WorkerEnvironment()) Add(a, "--setenv", name, value);
        if (DropsToWorkerUser)
        {
            string id = uid.ToString(CultureInfo.InvariantCulture);
            Add(a, "--", Tool("setpriv"), "--reuid", id, "--regid", id, "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all");
        }
        else a.Add("--");
        var l = Limits;
        Add(a, Tool("prlimit"), $"--as={l.AddressSpaceBytes}", $"--nproc={l.Processes}",
            // SIGXCPU at the soft limit names the cause; the hard limit kills a worker that ignores it
            $"--cpu={l.CpuSeconds}:{l.CpuSeconds + 5}", $"--fsize={l.FileSizeBytes}", $"--nofile={l.OpenFiles}",
            "--core=0", "--");
        // the guard puts the worker under the system-call filter and waits for the lab to hold its listener
        foreach (string part in SyscallGuard.Command) a.Add(part);
        a.Add(worker.FileName);
        foreach (string arg in worker.ArgumentList) a.Add(arg);
        return start;
    }

    /// <summary>Only what a worker needs; the lab's own variables (a ledger key, a token) stay outside.
    /// </summary>
    IEnumerable<(string, string)> WorkerEnvironment()
    {
        yield return ("PATH", "/usr/bin:/bin");
        yield return ("HOME", "/tmp");
        yield return ("TMPDIR", "/tmp");
        yield return ("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        // no diagnostic port: nothing outside may attach to the worker, nor the worker to anything
        yield return ("DOTNET_EnableDiagnostics", "0");
        yield return ("DOTNET_GCHeapHardLimit", $"0x{Limits.GcHeapHardLimit:x}");
        if (WorkerPrograms.DotnetRoot is { } root) yield return ("DOTNET_ROOT", root);
    }

    /// <summary>Null when a sandbox can be built here, else why not; probed once per process.</summary>
    public static string? Unavailable() => probe.Value;

    static readonly Lazy<string?> probe = new(Probe);

    static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "the sandbox needs Linux namespaces";
        foreach (string tool in new[] { "bwrap", "prlimit" }.Concat(DropsToWorkerUser ? ["setpriv"] : []))
            if (Tool(tool) == tool)
                return $"{tool} is not installed (Debian: apt-get install "
                    + $"{(tool == "bwrap" ? "bubblewrap" : "util-linux")})";
        var folder = Directory.CreateTempSubdirectory("successor-probe-");
        try
        {
            int uid = NextWorkerUid();
            FolderOwner.HandOver(folder.FullName, uid);
            var start = new WorkerSandbox(new SandboxLimits())
                .Wrap(new ProcessStartInfo(Tool("true")), new SandboxView(folder.FullName, [], []),
                    new Dictionary<string, string>(), uid);
            start.RedirectStandardError = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardInput = true;
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            using (var guard = SyscallGuard.Attach(process, TimeSpan.FromSeconds(30))) process.WaitForExit(30_000);
            string error = errors.Result;
            if (!process.WaitForExit(TimeSpan.FromSeconds(30))) { process.Kill(true); return "bwrap hung"; }
            return process.ExitCode == 0 ? null : $"bwrap failed (exit {process.ExitCode}): " +
                (error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no message");
        }
        catch (System.ComponentModel.Win32Exception e) { return $"bwrap could not start: {e.Message}"; }
        finally { folder.Delete(recursive: true); }
    }

    /// <summary>The full path of a tool on PATH (or /usr/bin, /usr/sbin), or its bare name when absent.</summary>
    static string Tool(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Concat(["/usr/bin", "/usr/sbin", "/bin"]).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
        ?? name;

    static bool Under(string path, string folder) =>
        path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    static IEnumerable<string> Ancestors(string path)
    {
        for (string? d = Path.GetDirectoryName(path); d is not null && d != "/"; d = Path.GetDirectoryName(d))
            if (d != "/tmp" && !Under(d, "/usr") && !Under(d, "/proc") && !Under(d, "/dev")) yield return d;
    }

    static void Add(IList<string> list, params string[] items)
    {
        foreach (string item in items) list.Add(item);
    }
}
