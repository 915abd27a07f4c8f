// Deterministic data-parallel loops for the kernels.
// Every index is processed by exactly one thread and the work inside an index never depends on which
// thread runs it, so results are bitwise identical for any thread count. Indices are claimed in small
// grains from a shared counter, so when the OS deschedules one worker (a busy machine) the others take
// over its share instead of waiting for it. The loops run on the kernels' own workers (WorkerPool).
namespace Successor.Tensors;

public static class Parallelism
{
    static int threads = Environment.ProcessorCount;

    /// <summary>Worker threads the kernels may use; 1 runs everything on the calling thread.</summary>
    public static int Threads
    {
        get => threads;
        set => threads = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "thread count must be at least 1");
    }

    /// <summary>Grains per worker: enough to rebalance, few enough that claiming stays cheap.</summary>
    const int GrainsPerWorker = 8;

    /// <summary>Runs body(i) for i in [0, count).</summary>
    public static void For(int count, Action<int> body)
    {
        int workers = Math.Min(threads, count);
        For(count, Math.Max(1, count / (Math.Max(workers, 1) * GrainsPerWorker)), workers, body);
    }

    /// <summary>Runs body(i) for i in [0, count) on up to workers threads, claimed grain indices at a time.</summary>
    public static void For(int count, int grain, int workers, Action<int> body)
    {
        workers = Math.Min(workers, count);
        if (workers <= 1)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        WorkerPool.Run(count, grain, workers - 1, body);
    }
}
