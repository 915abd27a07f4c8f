// Deterministic data-parallel loops for the kernels.
// Every index is processed by exactly one thread and the work inside an index never depends
// on how indices are split, so results are bitwise identical for any thread count.
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

    /// <summary>Runs body(i) for i in [0, count), in contiguous chunks, one per thread.</summary>
    public static void For(int count, Action<int> body)
    {
        int workers = Math.Min(threads, count);
        if (workers <= 1)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            int start = (int)((long)count * w / workers), end = (int)((long)count * (w + 1) / workers);
            for (int i = start; i < end; i++) body(i);
        });
    }

    /// <summary>Runs body(start, end) over [0, count) split into one contiguous range per thread.</summary>
    public static void ForRange(int count, Action<int, int> body)
    {
        int workers = Math.Min(threads, count);
        if (workers <= 1)
        {
            if (count > 0) body(0, count);
            return;
        }
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            body((int)((long)count * w / workers), (int)((long)count * (w + 1) / workers)));
    }
}
