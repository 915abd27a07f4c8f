// Runs trials in worker processes, at most `workers` at once, each in the sandbox the launch gives it. A
// trial whose folder already holds a result is not run again; a worker that crashes, meets a limit, touches
// a decoy, floods its output or outlives its wall-clock budget is killed (with its children) and its trial
// recorded as failed with that status — the lab itself never goes down. Every result, found or fresh, is
// checked against its spec and model file before the lab sees it, and a folder holding a symbolic link is
// never read: the link would point the lab, outside the sandbox, at a file of the worker's choosing.
using System.Diagnostics;
using Successor.Lab.Sandbox;

namespace Successor.Lab.Trials;

public sealed class TrialRunner(int workers, TimeSpan trialBudget, WorkerLaunch launch) : ITrialExecutor
{
    /// <summary>The status of a trial whose result.json does not match its model file or its spec: it scores
    /// nothing (fail closed), and the lab raises a critical incident.</summary>
    public const string Unverifiable = "unverifiable";

    public TrialRunner(int workers, TimeSpan trialBudget) : this(workers, trialBudget, WorkerLaunch.Of(false,
        trialBudget, 1)) { }

    /// <summary>`fingerprint`, when given, is taken right before each trial starts and right after it ends
    /// (TrialResult.EvaluatorBefore/After): a change to the evaluator that one trial makes and a later one
    /// reverts, inside one batch, shows in the trials between.</summary>
    /// <inheritdoc/>
    public IReadOnlyList<TrialResult> Run(IReadOnlyList<(TrialSpec Spec, string Folder)> trials,
        Action<TrialResult> completed, CancellationToken cancel, Func<string>? fingerprint = null)
    {
        var results = new TrialResult[trials.Count];
        var gate = new object();
        using var slots = new SemaphoreSlim(workers);
        var tasks = trials.Select((t, i) => Task.Run(async () =>
        {
            await slots.WaitAsync(cancel);
            try
            {
                string? before = fingerprint?.Invoke();
                var clock = Stopwatch.StartNew();
                var result = Links(t.Spec, t.Folder, clock) ?? TrialResult.TryLoad(t.Folder)
                    ?? await RunOne(t.Spec, t.Folder, cancel);
                if (result.Unverifiable(t.Spec, t.Folder) is { } why)
                    result = new TrialResult { Id = t.Spec.Id, Status = Unverifiable, Error = why,
                        Seconds = result.Seconds };
                results[i] = result = result with { EvaluatorBefore = before, EvaluatorAfter = fingerprint?.Invoke() };
                lock (gate) completed(result);
            }
            finally { slots.Release(); }
        }, cancel)).ToArray();
        // Wait for every task, cancelled or not: a cancelled one kills its worker before it ends, so no
        // worker outlives a Ctrl+C, SIGTERM or halt.
        try { Task.WaitAll(tasks); }
        catch (AggregateException e) when (cancel.IsCancellationRequested && e.InnerExceptions.All(x =>
            x is OperationCanceledException)) { throw new OperationCanceledException(cancel); }
        return results;
    }

    async Task<TrialResult> RunOne(TrialSpec spec, string folder, CancellationToken cancel)
    {
        folder = Path.GetFullPath(folder); // a sandboxed worker starts in it: a relative path would not resolve
        spec.Save(folder);
        var start = launch.Command(folder);
        using var tripwire = launch.Sandbox is null ? null : new Tripwire(launch.DecoysFor(spec, folder));
        if (launch.Sandbox is { } sandbox)
        {
            int uid = WorkerSandbox.NextWorkerUid();
            FolderOwner.HandOver(folder, uid);
            start = sandbox.Wrap(start, new SandboxView(folder, WorkerLaunch.Inputs(spec), launch.Programs),
                tripwire!.Decoys, uid);
        }
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = launch.Sandbox is not null; // the guard waits for the lab on it
        var clock = Stopwatch.StartNew();
        using var process = LaunchThread.Start(start);
        SyscallGuard? guard = null;
        try { if (launch.Sandbox is not null) guard = SyscallGuard.Attach(process, TimeSpan.FromSeconds(30)); }
        catch (SandboxUnavailableException e)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return Failed(spec, folder, "failed", e.Message, clock);
        }
        using var guarding = guard;
        var stderr = CappedOutput.Drain(process.StandardError);
        var stdout = CappedOutput.Drain(process.StandardOutput);
        var limits = (launch.Sandbox?.Limits ?? new SandboxLimits()) with { OutputBytes = launch.OutputBytes };
        var watch = new WorkerWatch(process, limits, tripwire, stdout, stderr, guard);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(trialBudget);
        var exited = process.WaitForExitAsync(CancellationToken.None);
        WorkerVerdict? verdict = null;
        while (!exited.IsCompleted && verdict is null && !timeout.IsCancellationRequested)
        {
            try { await Task.WhenAny(exited, Task.Delay(WorkerWatch.Every, timeout.Token)); }
            catch (OperationCanceledException) { }
            if (!exited.IsCompleted) verdict = watch.Check();
        }
        if (!exited.IsCompleted)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (verdict is null)
            {
                cancel.ThrowIfCancellationRequested();
                return Failed(spec, folder, "timeout",
                    $"killed after {trialBudget.TotalSeconds:0} s, its wall-clock budget", clock);
            }
        }
        // The output ends when the last process holding it does; a killed tree lets go at once.
        await Task.WhenAny(Task.WhenAll(stderr.Done, stdout.Done), Task.Delay(TimeSpan.FromSeconds(5)));
        verdict ??= watch.AfterExit(process.ExitCode);
        if (verdict is not null) return Failed(spec, folder, verdict.Status, verdict.Detail, clock);
        if (Links(spec, folder, clock) is { } linked) return linked; // whatever the worker's exit code
        if (process.ExitCode == 0 && TrialResult.TryLoad(folder) is { } result) return result;
        return Failed(spec, folder, "failed",
            $"worker exited with code {process.ExitCode}: {stderr.LastLine() ?? "(no message)"}", clock);
    }

    /// <summary>A failed result when the trial's folder holds a symbolic link or a FIFO, socket or device,
    /// else null.</summary>
    internal static TrialResult? Links(TrialSpec spec, string folder, Stopwatch clock) =>
        SpecialFiles.In(folder) is { Count: > 0 } found
            ? Failed(spec, folder, WorkerVerdict.SpecialFile, $"its folder holds {string.Join(", ", found)}; "
                + "the lab reads nothing of it", clock)
            : null;

    static TrialResult Failed(TrialSpec spec, string folder, string status, string error, Stopwatch clock)
    {
        var result =
            new TrialResult { Id = spec.Id, Status = status, Error = error, Seconds = clock.Elapsed.TotalSeconds };
        result.Save(folder);
        return result;
    }
}
