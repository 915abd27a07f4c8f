// successor-guard WORKER [ARGS...]: run as the last step of a worker's sandbox, as the worker's own user. It
// installs the system-call filter on itself with a listener (the kernel opens it close-on-exec), waits until
// the lab has taken a copy of it (one byte on stdin), and then executes the worker, which inherits the filter
// and can never remove it. The listener does not survive the exec: only the lab holds it.
using System.Runtime.InteropServices;
using Successor.Guard;

if (args.Length == 0)
{
    Console.Error.WriteLine("successor-guard: usage: successor-guard WORKER [ARGS...]");
    return 2;
}
const int NoNewPrivileges = 38, SeccompSetModeFilter = 1, NewListener = 8, Seccomp = 317;
if (Native.prctl(NoNewPrivileges, 1, 0, 0, 0) != 0) return Native.Fail("prctl(PR_SET_NO_NEW_PRIVS)");
var program = SyscallFilter.Program();
var instructions = new ulong[program.Count];
for (int i = 0; i < program.Count; i++)
{
    var (code, jt, jf, k) = program[i];
    instructions[i] = code | (ulong)jt << 16 | (ulong)jf << 24 | (ulong)k << 32;
}
long listener;
unsafe
{
    fixed (ulong* filter = instructions)
    {
        // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
        var fprog = stackalloc nint[2];
        fprog[0] = instructions.Length;
        fprog[1] = (nint)filter;
        listener = Native.syscall(Seccomp, SeccompSetModeFilter, NewListener, (nint)fprog);
    }
}
if (listener < 0) return Native.Fail("seccomp(SECCOMP_SET_MODE_FILTER)");
// The lab takes the listener, then writes one byte; end of input means it gave up on this worker.
var go = new byte[1];
if (Native.read(0, go, 1) != 1)
{
    Console.Error.WriteLine("successor-guard: the lab closed its input before the worker could start");
    return 126;
}
_ = Native.close((int)listener);
var argv = new string?[args.Length + 1];
args.CopyTo(argv, 0);
Native.execvp(args[0], argv);
return Native.Fail($"execvp {args[0]}");

static partial class Native
{
    public static int Fail(string what)
    {
        int errno = Marshal.GetLastPInvokeError(); // before the console's own calls replace it
        Console.Error.WriteLine($"successor-guard: {what} failed (errno {errno})");
        return 126;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial int prctl(int option, nint a, nint b, nint c, nint d);

    [LibraryImport("libc", SetLastError = true)]
    public static partial long syscall(long number, nint a, nint b, nint c);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint read(int fd, byte[] buffer, nint count);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int execvp(string file, string?[] argv);
}
