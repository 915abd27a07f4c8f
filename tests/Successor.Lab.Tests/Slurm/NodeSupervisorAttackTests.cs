// The red team against a Slurm trial's node side: a real hostile process runs as the trial's worker under
// SlurmNode, the job's supervisor, exactly as the job script calls it. It tries to forge the verdict the lab
// reads (in the job's folder, beside its own trial folder on the shared filesystem) and to open a network
// socket; the verdict names the refused call, and nothing it wrote reached the job's folder. The control runs
// the same script with the sandbox off: there the write succeeds, so the first assertion can fail.
using System.Net;
using System.Net.Sockets;
using Successor.Lab.Sandbox;
using Successor.Lab.Slurm;
using Successor.Lab.Tests.Sandbox;
using Successor.Lab.Trials;

namespace Successor.Lab.Tests.Slurm;

[Collection(SandboxCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NodeSupervisorAttackTests : IDisposable
{
    readonly HostileLab lab = new();

    public void Dispose() => lab.Dispose();

    string JobFolder => JobFiles.For(Path.Combine(lab.Root, "runs"), lab.Spec.Id).Folder;

    const string Attack = """
        { echo '{"id":"g1-hostile","status":"ok","score":1}' > "$1/result.json"; echo forged > "$1/forged.txt"; } \
            2> "$FOLDER/forge.txt"
        (exec 3<>/dev/tcp/127.0.0.1/$2 && echo hello >&3) 2> "$FOLDER/socket.txt"
        """;

    TrialResult Supervise(bool sandboxed, int port)
    {
        lab.Spec.Save(lab.Folder);
        var launch = lab.Launch(Attack, sandboxed,
            [JobFolder, port.ToString(System.Globalization.CultureInfo.InvariantCulture)], []);
        return SlurmNode.Run(lab.Folder, JobFolder, TimeSpan.FromSeconds(60), 1, sandboxed, CancellationToken.None,
            launch);
    }

    [Fact]
    public void A_hostile_worker_cannot_forge_its_verdict_and_its_socket_is_named_in_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var result = Supervise(sandboxed: true, ((IPEndPoint)listener.LocalEndpoint).Port);
        Assert.False(File.Exists(Path.Combine(JobFolder, "forged.txt")));
        Assert.NotEmpty(File.ReadAllText(Path.Combine(lab.Folder, "forge.txt")));
        Assert.False(listener.Pending());
        Assert.Equal(WorkerVerdict.ForbiddenSyscall, result.Status);
        // the verdict the lab reads is the supervisor's, with the refused call in it
        var verdict = new JobFiles(JobFolder).LoadVerdict()!;
        Assert.Equal((WorkerVerdict.ForbiddenSyscall, result.Error), (verdict.Status, verdict.Error));
        Assert.Contains("opened a network (AF_INET) socket", verdict.Error);
        Assert.Single(new JobFiles(JobFolder).StartLines());
    }

    [Fact]
    public void Control_without_the_sandbox_the_same_worker_writes_into_the_job_folder()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Supervise(sandboxed: false, ((IPEndPoint)listener.LocalEndpoint).Port);
        Assert.Equal("forged\n", File.ReadAllText(Path.Combine(JobFolder, "forged.txt")));
    }
}
