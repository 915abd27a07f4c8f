// Runs trials in worker processes, at most `workers` at once. A trial whose folder already holds a
// result is not run again; a worker that crashes, runs out of memory or outlives its wall-clock budget
// is killed (with its children) and its trial recorded as failed — the lab itself never goes down. Every
// result, found or fresh, is checked against its spec and model file before the lab sees it.
using System.Diagnostics;

namespace Successor.Lab.Trials;

public sealed class TrialRunner(int workers, TimeSpan trialBudget)
{
    /// <summary>The status of a trial whose result.json does not match its model file or its spec: it scores
    /// nothing (fail closed), and the lab raises a critical incident.</summary>
    public const string Unverifiable = "unverifiable";

    /// <summary>`fingerprint`, when given, is taken right before each trial starts and right after it ends
    /// (TrialResult.EvaluatorBefore/After): a change to the evaluator that one trial makes and a later one
    /// reverts, inside one batch, shows in the trials between.</summary>
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
                var result = TrialResult.TryLoad(t.Folder) ?? await RunOne(t.Spec, t.Folder, cancel);
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
        spec.Save(folder);
        var start = WorkerCommand.For(folder);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"trial {spec.Id}: could not start a worker process");
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(trialBudget);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancel.ThrowIfCancellationRequested();
            return Failed(spec, folder, "timeout",
                $"killed after {trialBudget.TotalSeconds:0} s, its wall-clock budget", clock);
        }
        await Task.WhenAll(stderr, stdout);
        if (process.ExitCode == 0 && TrialResult.TryLoad(folder) is { } result) return result;
        string last = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault() ?? "(no message)";
        return Failed(spec, folder, "failed", $"worker exited with code {process.ExitCode}: {last}", clock);
    }

    static TrialResult Failed(TrialSpec spec, string folder, string status, string error, Stopwatch clock)
    {
        var result =
            new TrialResult { Id = spec.Id, Status = status, Error = error, Seconds = clock.Elapsed.TotalSeconds };
        result.Save(folder);
        return result;
    }
}

/// <summary>How to start this same program as a worker: the apphost directly, or `dotnet successor.dll`.</summary>
public static class WorkerCommand
{
    public const string Verb = "trial";

    public static ProcessStartInfo For(string folder)
    {
        string process = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(process) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(Verb);
        start.ArgumentList.Add(folder);
        start.ArgumentList.Add("--parent");
        start.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return start;
    }
}
