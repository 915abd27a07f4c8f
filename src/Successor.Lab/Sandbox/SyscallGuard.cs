// The lab's end of a worker's system-call filter (successor-guard): it takes the filter's listener from the
// guard before the worker starts, then answers every reported call. A call the worker has no honest use for is
// refused (EPERM) and remembered, so the watch stops the worker and names the call; an execve or a signal
// within the worker's own sandbox is let through (SyscallDecision). One thread per worker, ending with it.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Successor.Guard;

namespace Successor.Lab.Sandbox;

public sealed partial class SyscallGuard : IDisposable
{
    const int PidfdOpen = 434, PidfdGetfd = 438, PollIn = 0x1, PollHangUp = 0x10;
    const uint NotifReceive = 0xC0502100, NotifSend = 0xC0182101;
    const int Continue = 1, NotPermitted = 1;

    readonly int listener;
    readonly Thread thread;
    readonly List<string> refused = [];
    volatile bool stopping;

    SyscallGuard(int listener)
    {
        this.listener = listener;
        thread = new Thread(Answer) { IsBackground = true, Name = "syscall guard" };
        thread.Start();
    }

    /// <summary>The guard program and what runs it: `dotnet successor-guard.dll`.</summary>
    public static IReadOnlyList<string> Command { get; } =
        [Path.Combine(WorkerPrograms.DotnetRoot ?? "/usr/lib/dotnet", "dotnet"),
            typeof(SyscallFilter).Assembly.Location];

    /// <summary>Folders the guard needs inside the sandbox, read-only.</summary>
    public static IReadOnlyList<string> Folders { get; } =
        [.. new[] { WorkerPrograms.DotnetRoot, Path.GetDirectoryName(typeof(SyscallFilter).Assembly.Location) }
            .OfType<string>()];

    /// <summary>The calls refused so far, one line each.</summary>
    public IReadOnlyList<string> Refused
    {
        get { lock (refused) return [.. refused]; }
    }

    /// <summary>Takes the listener of the guard started under `sandbox` and lets it run the worker; null when
    /// the sandbox ended first (its exit code and output say why).</summary>
    public static SyscallGuard? Attach(Process sandbox, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (Guarded(sandbox.Id) is var (pid, target))
            {
                int pidfd = (int)syscall(PidfdOpen, pid, 0, 0);
                int fd = pidfd < 0 ? -1 : (int)syscall(PidfdGetfd, pidfd, target, 0);
                int errno = Marshal.GetLastPInvokeError();
                if (pidfd >= 0) _ = close(pidfd);
                if (fd < 0) throw new SandboxUnavailableException(
                    $"the lab could not take its worker's system-call listener (errno {errno})");
                var guard = new SyscallGuard(fd);
                sandbox.StandardInput.BaseStream.WriteByte(1);
                sandbox.StandardInput.Close();
                return guard;
            }
            if (sandbox.HasExited) return null;
            if (clock.Elapsed > within) throw new SandboxUnavailableException(
                $"the worker's system-call guard did not start within {within.TotalSeconds:0} s");
            Thread.Sleep(2);
        }
    }

    /// <summary>The process under `root` holding a seccomp listener, and the listener's descriptor.</summary>
    static (int Pid, int Fd)? Guarded(int root)
    {
        var todo = new Stack<int>([root]);
        while (todo.Count > 0)
        {
            int pid = todo.Pop();
            try
            {
                foreach (string fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
                    if (new FileInfo(fd).LinkTarget?.Contains("seccomp", StringComparison.Ordinal) is true)
                        return (pid, int.Parse(Path.GetFileName(fd), CultureInfo.InvariantCulture));
                foreach (string child in File.ReadAllText($"/proc/{pid}/task/{pid}/children")
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    todo.Push(int.Parse(child, CultureInfo.InvariantCulture));
            }
            catch (IOException) { } // gone meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }

    unsafe void Answer()
    {
        // struct seccomp_notif (80 bytes) and struct seccomp_notif_resp (24 bytes)
        var notification = stackalloc byte[80];
        var response = stackalloc byte[24];
        var poll = stackalloc int[2];
        while (!stopping)
        {
            poll[0] = listener;
            poll[1] = PollIn;
            if (Native.poll(poll, 1, 100) <= 0) continue;
            int events = poll[1] >> 16;
            if ((events & PollIn) == 0)
            {
                if ((events & PollHangUp) != 0) return; // no task under the filter is left
                continue;
            }
            new Span<byte>(notification, 80).Clear();
            if (Native.ioctl(listener, NotifReceive, notification) != 0) continue; // the caller died meanwhile
            ulong id = *(ulong*)notification;
            int pid = *(int*)(notification + 8);
            int number = *(int*)(notification + 16);
            uint arch = *(uint*)(notification + 20);
            var args = new ReadOnlySpan<ulong>(notification + 32, 6).ToArray();
            string? why = SyscallDecision.Refusal(pid, number, arch, args);
            if (why is not null) lock (refused) if (refused.Count < 16) refused.Add(why);
            new Span<byte>(response, 24).Clear();
            *(ulong*)response = id;
            *(int*)(response + 16) = why is null ? 0 : -NotPermitted;
            *(uint*)(response + 20) = why is null ? Continue : 0u;
            _ = Native.ioctl(listener, NotifSend, response);
        }
    }

    public void Dispose()
    {
        stopping = true;
        thread.Join();
        _ = close(listener);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, nint a, nint b, nint c);

    [LibraryImport("libc")]
    private static partial int close(int fd);

    static unsafe partial class Native
    {
        [LibraryImport("libc", SetLastError = true)]
        public static partial int poll(int* fds, nuint count, int timeout);

        [LibraryImport("libc", SetLastError = true)]
        public static partial int ioctl(int fd, nuint request, byte* argument);
    }
}
