// Runs one short worker job (not a trial) in the same sandbox, under the same watch and limits as a trial's
// worker: a plug-in's compilation. The job gets its folder writable, its inputs read-only and decoys at
// `forbidden`; it is killed at its wall-clock budget or at the first verdict of its watch.
using System.Diagnostics;

namespace Successor.Lab.Sandbox;

/// <summary>ExitCode is null when the job was killed: Verdict says why, or it TimedOut, or its sandbox could not
/// be set up (LastError says why).</summary>
public sealed record SandboxedRun(int? ExitCode, WorkerVerdict? Verdict, string? LastError, TimeSpan Took)
{
    public bool TimedOut { get; init; }

    public static async Task<SandboxedRun> Start(ProcessStartInfo job, WorkerSandbox? sandbox, string folder,
        IReadOnlyList<string> inputs, IReadOnlyList<string> programs, IReadOnlyList<string> forbidden,
        TimeSpan budget)
    {
        folder = Path.GetFullPath(folder);
        var clock = Stopwatch.StartNew();
        using var tripwire = sandbox is null ? null : new Tripwire(forbidden);
        if (sandbox is not null)
        {
            int uid = WorkerSandbox.NextWorkerUid();
            FolderOwner.HandOver(folder, uid);
            job = sandbox.Wrap(job, new SandboxView(folder, inputs, programs), tripwire!.Decoys, uid);
        }
        job.RedirectStandardError = true;
        job.RedirectStandardOutput = true;
        job.RedirectStandardInput = sandbox is not null; // the guard waits for the lab on it
        using var process = LaunchThread.Start(job);
        SyscallGuard? guard = null;
        try { if (sandbox is not null) guard = SyscallGuard.Attach(process, TimeSpan.FromSeconds(30)); }
        catch (SandboxUnavailableException e)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new(null, null, e.Message, clock.Elapsed);
        }
        using var guarding = guard;
        var stderr = CappedOutput.Drain(process.StandardError);
        var stdout = CappedOutput.Drain(process.StandardOutput);
        var watch = new WorkerWatch(process, sandbox?.Limits ?? new SandboxLimits(), tripwire, stdout, stderr, guard);
        var exited = process.WaitForExitAsync(CancellationToken.None);
        WorkerVerdict? verdict = null;
        while (!exited.IsCompleted && verdict is null && clock.Elapsed < budget)
        {
            await Task.WhenAny(exited, Task.Delay(WorkerWatch.Every));
            if (!exited.IsCompleted) verdict = watch.Check();
        }
        if (!exited.IsCompleted)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAny(Task.WhenAll(stderr.Done, stdout.Done), Task.Delay(TimeSpan.FromSeconds(5)));
            var stopped = verdict ?? watch.AfterExit(process.ExitCode);
            return new(null, stopped, stderr.LastLine(), clock.Elapsed) { TimedOut = stopped is null };
        }
        await Task.WhenAny(Task.WhenAll(stderr.Done, stdout.Done), Task.Delay(TimeSpan.FromSeconds(5)));
        var after = watch.AfterExit(process.ExitCode);
        return new(after is null ? process.ExitCode : null, after, stderr.LastLine(), clock.Elapsed);
    }
}
