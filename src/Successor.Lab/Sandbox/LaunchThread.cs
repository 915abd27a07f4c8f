// Starts worker processes from one thread that lives as long as the lab. bubblewrap's --die-with-parent
// is the kernel's parent-death signal, which fires when the *thread* that started the process ends — and a
// thread-pool thread ends whenever the pool shrinks, which would kill a healthy sandboxed worker.
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Successor.Lab.Sandbox;

public static class LaunchThread
{
    static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Queue = [];

    static LaunchThread() => new Thread(() =>
    {
        foreach (var (start, started) in Queue.GetConsumingEnumerable())
        {
            try { started.SetResult(Process.Start(start) ?? throw new InvalidOperationException("no process")); }
            catch (Exception e) { started.SetException(e); }
        }
    }) { IsBackground = true, Name = "worker launcher" }.Start();

    public static Process Start(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((start, started));
        return started.Task.GetAwaiter().GetResult();
    }
}
