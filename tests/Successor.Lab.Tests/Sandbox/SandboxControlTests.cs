// Controls for the red team: the same hostile scripts, run by the same TrialRunner with the sandbox off,
// succeed — so the attacks are real and WorkerAttackTests' assertions could fail. (The bombs are left out:
// unconfined, they would hurt the machine the tests share.)
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Successor.Lab.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SandboxControlTests : IDisposable
{
    readonly HostileLab lab = new();

    public void Dispose() => lab.Dispose();

    [Fact]
    public void Without_the_sandbox_a_worker_reads_the_sealed_holdout_by_path_and_through_proc()
    {
        lab.Run("""cat "$SEALED" > "$FOLDER/stolen.txt"; cat "/proc/$LAB_PID/root$SEALED" > "$FOLDER/proc.txt" """,
            sandboxed: false);
        Assert.Equal(2, lab.Leaks().Count);
    }

    [Fact]
    public void Without_the_sandbox_a_worker_rewrites_the_ledger_and_another_trial()
    {
        var (result, _) = lab.Run("""echo rewritten > "$LEDGER"; echo '{"score":99}' > "$VICTIM/result.json" """,
            sandboxed: false);
        Assert.Equal("rewritten\n", File.ReadAllText(lab.Ledger));
        Assert.Contains("99", File.ReadAllText(Path.Combine(lab.Victim, "result.json")));
        Assert.Equal("failed", result.Status); // and nothing noticed
    }

    [Fact]
    public void Without_the_sandbox_a_worker_connects_to_the_lab_and_signals_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        int received = 0;
        using var handler = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, c =>
        {
            Interlocked.Increment(ref received);
            c.Cancel = true;
        });
        lab.Run("""(exec 3<>/dev/tcp/127.0.0.1/$1 && echo hello >&3); kill -WINCH "$LAB_PID" """, sandboxed: false,
            args: [port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Thread.Sleep(300);
        Assert.True(listener.Pending());
        Assert.Equal(1, Volatile.Read(ref received));
    }

    [Fact]
    public void Without_the_sandbox_a_worker_of_a_root_lab_is_root_with_every_capability()
    {
        lab.Run("""id -u > "$FOLDER/uid"; grep '^CapEff:' /proc/self/status > "$FOLDER/status" """, sandboxed: false);
        Assert.Equal("0", File.ReadAllText(Path.Combine(lab.Folder, "uid")).Trim());
        Assert.DoesNotContain("0000000000000000", File.ReadAllText(Path.Combine(lab.Folder, "status")));
    }

    [Fact]
    public void Without_the_sandbox_a_worker_writes_past_the_file_size_limit_and_spins_to_its_wall_budget()
    {
        var (result, _) = lab.Run("""head -c 20000000 /dev/zero > "$FOLDER/big"; while :; do :; done""",
            sandboxed: false, budget: TimeSpan.FromSeconds(4));
        Assert.True(new FileInfo(Path.Combine(lab.Folder, "big")).Length > lab.Limits.FileSizeBytes);
        Assert.Equal("timeout", result.Status);
    }
}
