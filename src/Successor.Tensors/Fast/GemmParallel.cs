// Gemm on several threads, in pools of small tasks that the workers claim from a shared counter:
// 1. pack op(B) once, in groups of column panels (every thread reads the same B̃ afterwards, instead of each
//    packing its own copy) — all of it when it is small, else a depth chunk of it;
// 2. compute C in blocks of rows (and of columns when C has few rows), each task packing its own rows of A; when
//    op(B) is deep (a weight gradient sums over every token), the next chunk's packing runs among these tasks.
// Tasks are several per worker, so when the OS deschedules one worker on a busy machine the others take over its
// share instead of waiting for it. The k-sum is never split and its depth blocks are fixed by k alone
// (GemmDriver.DepthBlock), so the result is bitwise the same for any thread count.
namespace Successor.Tensors.Fast;

internal static unsafe class GemmParallel
{
    /// <summary>Tasks per worker in each phase: enough to rebalance around a descheduled worker.</summary>
    const int TasksPerWorker = 4;

    /// <summary>The calling thread's packed op(B).</summary>
    [ThreadStatic] static AlignedScratch? packed;

    /// <summary>The calling thread's second buffer, for the next depth chunk of a deep op(B).</summary>
    [ThreadStatic] static AlignedScratch? packedNext;

    /// <summary>Most floats of packed op(B) in one depth chunk (4 MB: two chunks stay in the last-level cache).
    /// </summary>
    internal static long PackedBudget = 1L << 20;

    public static void Run(GemmOperands g, GemmKernel kern, int workers)
    {
        int mr = kern.MR, nr = kern.NR, panels = (g.N + nr - 1) / nr;
        long paddedN = (long)panels * nr;

        // Depth blocks packed and consumed together: all of them when op(B) is small (one round of tasks), else as
        // many as fit the budget, so that a deep op(B) (a weight gradient sums over every token) is read from the
        // cache after packing instead of from memory.
        int kcBlock = GemmDriver.DepthBlock(g.K, kern.KC);
        int chunk = (int)Math.Clamp(PackedBudget / ((long)kcBlock * paddedN), 1, Ceil(g.K, kcBlock)) * kcBlock;
        float* b = (packed ??= new AlignedScratch()).Reserve(Math.Min(chunk, g.K) * paddedN);
        float* bNext = chunk < g.K ? (packedNext ??= new AlignedScratch()).Reserve(chunk * paddedN) : null;

        int wanted = workers * TasksPerWorker;
        int panelsPerTask = Math.Max(1, panels / wanted);
        int packTasks = (panels + panelsPerTask - 1) / panelsPerTask;
        // Rows per task: at most an MC block, fewer when that leaves too few tasks; columns split only when the
        // rows alone cannot give every worker several tasks.
        int rowsPerTask = Math.Clamp(Round(Ceil(g.M, wanted), mr), mr, Math.Max(mr, kern.MC));
        int rowTasks = Ceil(g.M, rowsPerTask);
        int colTasks = Math.Min(panels, Ceil(wanted, rowTasks));
        int panelsPerColTask = Ceil(panels, colTasks);
        colTasks = Ceil(panels, panelsPerColTask);
        int computeTasks = rowTasks * colTasks;

        void Pack(float* into, int t, int k0) => GemmDriver.PackB(g, kern, into, paddedN, t * panelsPerTask,
            Math.Min(panels, (t + 1) * panelsPerTask), k0, Math.Min(g.K, k0 + chunk));
        void Compute(float* from, int t, int k0)
        {
            int i0 = t / colTasks * rowsPerTask, j0 = t % colTasks * panelsPerColTask * nr;
            GemmDriver.RunOnPackedB(g, kern, from, paddedN, i0, Math.Min(g.M, i0 + rowsPerTask), j0,
                Math.Min(g.N, j0 + panelsPerColTask * nr), k0, Math.Min(g.K, k0 + chunk));
        }

        Claim(workers, packTasks, t => Pack(b, t, 0));
        for (int k0 = 0; k0 < g.K; k0 += chunk)
        {
            int next = k0 + chunk;
            float* current = b, following = bNext;
            if (next >= g.K)
                Claim(workers, computeTasks, t => Compute(current, t, k0));
            else
            {
                // The next chunk's packing (memory-bound) interleaved with this chunk's products (FMA-bound), so
                // that one worker streams op(B) while the other computes.
                int all = computeTasks + packTasks;
                Claim(workers, all, t =>
                {
                    long slot = (long)t * packTasks;
                    int packsBefore = (int)(slot / all), packsAfter = (int)((slot + packTasks) / all);
                    if (packsAfter > packsBefore) Pack(following, packsBefore, next);
                    else Compute(current, t - packsBefore, k0);
                });
            }
            float* swap = b;
            b = bNext;
            bNext = swap;
        }
    }

    static int Ceil(int x, int y) => (x + y - 1) / y;

    static int Round(int x, int multiple) => Ceil(x, multiple) * multiple;

    /// <summary>Runs body(t) for t in [0, count), each task claimed by whichever of the workers is free.</summary>
    static void Claim(int workers, int count, Action<int> body) => Parallelism.For(count, 1, workers, body);
}
