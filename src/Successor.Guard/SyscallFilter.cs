// The system calls a worker has no honest use for, as a seccomp filter whose forbidden calls go to the lab
// (SECCOMP_RET_USER_NOTIF) instead of failing silently: a worker that opens a network socket, signals outside
// its own processes, runs a setuid program, changes its user or capabilities, traces, mounts or enters
// namespaces is stopped by the kernel's filter *and* named by the lab. Everything else passes at full speed.
// x86-64 only: a call through another ABI (32-bit int 0x80, x32) is itself reported, so no other system-call
// table can be used to get past the names below.
namespace Successor.Guard;

public static class SyscallFilter
{
    public const uint AuditArchX8664 = 0xC000003E;
    public const int AfUnix = 1;

    /// <summary>Calls that always go to the lab; execve and kill-like calls it may let continue.</summary>
    public static readonly IReadOnlyDictionary<int, string> Reported = new Dictionary<int, string>
    {
        [41] = "socket", [59] = "execve", [62] = "kill", [101] = "ptrace", [105] = "setuid", [106] = "setgid",
        [113] = "setreuid", [114] = "setregid", [116] = "setgroups", [117] = "setresuid", [119] = "setresgid",
        [122] = "setfsuid", [123] = "setfsgid", [126] = "capset", [129] = "rt_sigqueueinfo", [155] = "pivot_root",
        [161] = "chroot", [165] = "mount", [166] = "umount2", [175] = "init_module", [200] = "tkill",
        [248] = "add_key", [249] = "request_key", [250] = "keyctl", [272] = "unshare", [297] = "rt_tgsigqueueinfo",
        [298] = "perf_event_open", [308] = "setns", [310] = "process_vm_readv", [311] = "process_vm_writev",
        [313] = "finit_module", [321] = "bpf", [322] = "execveat", [424] = "pidfd_send_signal",
        [425] = "io_uring_setup", [428] = "open_tree", [429] = "move_mount", [430] = "fsopen", [432] = "fsmount",
        [442] = "mount_setattr",
    };

    public const int Socket = 41, Execve = 59, Kill = 62, Clone = 56, Clone3 = 435, Tkill = 200, Execveat = 322,
        RtSigqueueinfo = 129;

    /// <summary>clone flags that make a namespace: a worker that tries is reported like unshare.</summary>
    public const uint NamespaceFlags = 0x7E020000;

    const ushort LoadWord = 0x20, JumpEqual = 0x15, JumpAtLeast = 0x35, JumpSet = 0x45, Return = 0x06;
    const uint Allow = 0x7fff0000, Notify = 0x7fc00000, ErrnoNoSys = 0x00050000 | 38;
    const uint ArchOffset = 4, NumberOffset = 0, FirstArgOffset = 16;

    /// <summary>The filter as sock_filter instructions (code, jt, jf, k), ready for seccomp(2).</summary>
    public static IReadOnlyList<(ushort Code, byte True, byte False, uint K)> Program()
    {
        // Labels are resolved after layout: each jump names the index it goes to.
        var code = new List<(ushort Code, int True, int False, uint K)>();
        const int allow = -1, notify = -2, socketCheck = -3, cloneCheck = -4, noSys = -5, next = 1000;
        code.Add((LoadWord, 0, 0, ArchOffset));
        code.Add((JumpEqual, 0, notify, AuditArchX8664));
        code.Add((LoadWord, 0, 0, NumberOffset));
        code.Add((JumpAtLeast, notify, 0, 0x40000000)); // the x32 ABI
        code.Add((JumpEqual, socketCheck, 0, Socket));
        code.Add((JumpEqual, cloneCheck, 0, Clone));
        // clone3 passes its flags in memory a filter cannot read: ENOSYS makes the C library fall back to clone
        code.Add((JumpEqual, noSys, 0, Clone3));
        foreach (int number in Reported.Keys.Where(n => n != Socket).Order())
            code.Add((JumpEqual, notify, 0, (uint)number));
        var at = new Dictionary<int, int> { [allow] = code.Count };
        code.Add((Return, 0, 0, Allow));
        at[notify] = code.Count;
        code.Add((Return, 0, 0, Notify));
        at[noSys] = code.Count;
        code.Add((Return, 0, 0, ErrnoNoSys));
        // BPF jumps only forward: each check ends in returns of its own
        at[socketCheck] = code.Count;
        code.Add((LoadWord, 0, 0, FirstArgOffset));
        code.Add((JumpEqual, 0, next + 1, AfUnix));
        code.Add((Return, 0, 0, Allow));
        code.Add((Return, 0, 0, Notify));
        at[cloneCheck] = code.Count;
        code.Add((LoadWord, 0, 0, FirstArgOffset));
        code.Add((JumpSet, next + 1, 0, NamespaceFlags));
        code.Add((Return, 0, 0, Allow));
        code.Add((Return, 0, 0, Notify));
        return [.. code.Select((c, i) => (c.Code, Offset(c.True, i), Offset(c.False, i), c.K))];

        // 0 falls through to the next instruction, next + n skips n; a label jumps forward to where it was laid
        byte Offset(int target, int from) => target switch
        {
            0 => 0,
            >= next => (byte)(target - next),
            _ => checked((byte)(at[target] - from - 1)),
        };
    }

    /// <summary>The name of a reported call, for the lab's one-line verdict.</summary>
    public static string NameOf(int number) => number switch
    {
        Clone => "clone",
        _ => Reported.TryGetValue(number, out var name) ? name : $"system call {number}",
    };
}
