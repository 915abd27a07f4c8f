// What the lab answers a worker's reported system call (SyscallFilter): null lets it continue, a line refuses
// it and names it. Let through: executing a program that gives no privilege, and signalling a process of the
// worker's own sandbox. Everything else reported is refused: an honest worker never makes those calls.
// An execve is judged by the file its path names when the call is reported; a racing thread could change the
// path after that, which the kernel's no-new-privileges still holds (the program runs without its privilege).
using Successor.Guard;

namespace Successor.Lab.Sandbox;

public static partial class SyscallDecision
{
    const int AtFdCwd = -100;

    public static string? Refusal(int pid, int number, uint arch, ReadOnlySpan<ulong> args)
    {
        if (arch != SyscallFilter.AuditArchX8664 || number >= 0x40000000)
            return $"made system call {number & 0x3fffffff} through another ABI (arch 0x{arch:x8})";
        return number switch
        {
            SyscallFilter.Execve => Execution(pid, AtFdCwd, args[0]),
            SyscallFilter.Execveat => Execution(pid, (int)args[0], args[1]),
            SyscallFilter.Kill or SyscallFilter.RtSigqueueinfo => Signal(pid, (int)args[0], "process"),
            SyscallFilter.Tkill => Signal(pid, (int)args[0], "thread"),
            SyscallFilter.Socket => $"opened a {Family((int)args[0])} socket",
            SyscallFilter.Clone => $"made a namespace (clone flags 0x{args[0]:x})",
            _ => $"called {SyscallFilter.NameOf(number)}",
        };
    }

    static string? Signal(int pid, int target, string what)
    {
        // Inside its own pid namespace a worker can name only its sandbox's processes; 1 is the sandbox's init
        // and -1 means every process it may signal: neither is one of its own.
        if (target == -1) return "signalled every process it can see (kill -1)";
        if (target == 1) return "signalled its sandbox's init (pid 1)";
        if (target == 0) return null; // its own process group
        if (Directory.Exists($"/proc/{pid}/root/proc/{Math.Abs(target)}")) return null;
        return $"signalled {what} {target}, which is no process of its sandbox";
    }

    static string? Execution(int pid, int directory, ulong address)
    {
        string? path = OperatingSystem.IsLinux() ? ReadString(pid, address) : null;
        // an unreadable path: the kernel fails the call itself
        if (path is null || !OperatingSystem.IsLinux()) return null;
        string host = path.StartsWith('/') ? $"/proc/{pid}/root{path}"
            : directory == AtFdCwd ? $"/proc/{pid}/cwd/{path}" : $"/proc/{pid}/fd/{directory}/{path}";
        try
        {
            var mode = File.GetUnixFileMode(host);
            if ((mode & (UnixFileMode.SetUser | UnixFileMode.SetGroup)) != 0)
                return $"ran the set-{((mode & UnixFileMode.SetUser) != 0 ? "user" : "group")}-id program {path}";
            if (getxattr(host, "security.capability", 0, 0) > 0) return $"ran {path}, a program with capabilities";
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    /// <summary>A NUL-terminated string in process `pid`'s memory, at most a page long.</summary>
    static string? ReadString(int pid, ulong address)
    {
        try
        {
            using var memory = File.OpenHandle($"/proc/{pid}/mem");
            var bytes = new byte[4096];
            // read no further than the page's end: the next page may not be mapped
            int first = (int)(4096 - (address % 4096));
            int n = RandomAccess.Read(memory, bytes.AsSpan(0, first), (long)address);
            if (n == first && Array.IndexOf(bytes, (byte)0, 0, n) < 0)
                n += RandomAccess.Read(memory, bytes.AsSpan(first, 4096 - first), (long)address + first);
            int end = Array.IndexOf(bytes, (byte)0, 0, n);
            return end < 0 ? null : System.Text.Encoding.UTF8.GetString(bytes, 0, end);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    static string Family(int family) => family switch
    {
        2 => "network (AF_INET)",
        10 => "network (AF_INET6)",
        16 => "netlink",
        17 => "raw packet (AF_PACKET)",
        _ => $"address family {family}",
    };

    [System.Runtime.InteropServices.LibraryImport("libc", StringMarshalling =
        System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial nint getxattr(string path, string name, nint value, nuint size);
}
