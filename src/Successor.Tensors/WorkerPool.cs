// The kernels' own worker threads, in the manner of an OpenMP runtime: a training step is some hundred short
// parallel loops (30 µs to 1 ms each), and handing each to the .NET thread pool costs a wake-up of a sleeping
// thread per loop — on a virtual machine tens of microseconds, more than many of the loops take. These workers
// spin for a short while after a loop ends (the next one is usually microseconds away), then sleep.
// A loop is done when all its indices are done, not when every worker has checked in: a worker the OS has put
// aside never delays a loop it did not start, because the caller and the other workers claim its share.
// Each thread starts on its own contiguous share of the indices (the caller the first, worker 1 the second, …), so
// consecutive kernels over the same rows find them in the cache of the core that wrote them; only a thread that
// has finished its share takes indices from another's.
namespace Successor.Tensors;

internal static class WorkerPool
{
    /// <summary>How long an idle worker spins before it sleeps: longer than the gap between a step's loops,
    /// short enough that a process between steps (evaluation, data) gets its cores back at once.</summary>
    static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 5000; // 200 µs

    static readonly object gate = new();
    static int workerCount;
    static Loop? current;
    static long epoch;
    static int sleepers;

    /// <summary>Runs body(i) for i in [0, count) on the calling thread and up to helpers pool workers, indices
    /// claimed grain by grain; returns when every index is done. Exceptions from body are rethrown here.</summary>
    public static void Run(int count, int grain, int helpers, Action<int> body)
    {
        var loop = new Loop(body, count, grain, helpers);
        Grow(helpers);
        Volatile.Write(ref current, loop);
        Interlocked.Increment(ref epoch);
        if (Volatile.Read(ref sleepers) > 0)
            lock (gate) Monitor.PulseAll(gate);
        loop.Work(0);
        loop.WaitDone();
    }

    static void Grow(int helpers)
    {
        if (Volatile.Read(ref workerCount) >= helpers) return;
        lock (gate)
        {
            for (int index = workerCount; index < helpers; index++)
            {
                int worker = index; // the lambda must not see the loop variable move on
                new Thread(() => Serve(worker)) { IsBackground = true, Name = $"Successor kernel worker {worker + 1}" }
                    .Start();
            }
            Volatile.Write(ref workerCount, Math.Max(workerCount, helpers));
        }
    }

    static void Serve(int index)
    {
        long seen = Volatile.Read(ref epoch);
        while (true)
        {
            seen = AwaitNext(seen);
            var loop = Volatile.Read(ref current);
            if (loop != null && index < loop.Helpers) loop.Work(index + 1);
        }
    }

    /// <summary>Waits until a loop later than seen is published; spins first, then sleeps.</summary>
    static long AwaitNext(long seen)
    {
        long until = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
        // SpinWait yields its core after its first few rounds, so a spinning worker gives way to any thread
        // that shares its core (on a busy machine, the caller itself).
        var spinner = new SpinWait();
        for (int spins = 0; ; spins++)
        {
            long now = Volatile.Read(ref epoch);
            if (now != seen) return now;
            if ((spins & 15) == 15 && System.Diagnostics.Stopwatch.GetTimestamp() > until) break;
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        lock (gate)
        {
            // The increment is a full fence: either the publisher sees this sleeper, or this sees its epoch.
            Interlocked.Increment(ref sleepers);
            long now;
            while ((now = Volatile.Read(ref epoch)) == seen) Monitor.Wait(gate);
            Interlocked.Decrement(ref sleepers);
            return now;
        }
    }

    /// <summary>One parallel loop: its own counters, so a worker that wakes late finds it claimed, never a newer
    /// loop's indices under an older body.</summary>
    sealed class Loop(Action<int> body, int count, int grain, int helpers)
    {
        /// <summary>Ints between two shares' counters: each on its own cache line.</summary>
        const int Stride = 16;

        public int Helpers => helpers;
        readonly int[] next = new int[(helpers + 1) * Stride];
        int done;
        Exception? error;

        int ShareStart(int share) => (int)((long)count * share / (helpers + 1));

        /// <summary>Runs participant's own share, then what is left of the others'.</summary>
        public void Work(int participant)
        {
            int shares = helpers + 1;
            for (int k = 0; k < shares; k++)
            {
                int share = (participant + k) % shares, from = ShareStart(share), to = ShareStart(share + 1);
                for (int start; (start = from + Interlocked.Add(ref next[share * Stride], grain) - grain) < to;)
                    Run(start, Math.Min(to, start + grain));
            }
        }

        void Run(int start, int end)
        {
            try
            {
                for (int i = start; i < end; i++) body(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref error, e, null);
            }
            Interlocked.Add(ref done, end - start);
        }

        public void WaitDone()
        {
            var wait = new SpinWait();
            while (Volatile.Read(ref done) < count) wait.SpinOnce(sleep1Threshold: -1);
            if (error != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }
}
