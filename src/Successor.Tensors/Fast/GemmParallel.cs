// Gemm on several threads. Two phases, each a pool of small tasks that the workers claim from a shared counter:
// 1. pack op(B) whole, once, in groups of column panels (every thread reads the same B̃ afterwards, instead of
//    each packing its own copy);
// 2. compute C in blocks of rows (and of columns when C has few rows), each task packing its own rows of A.
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

    public static void Run(GemmOperands g, GemmKernel kern, int workers)
    {
        int mr = kern.MR, nr = kern.NR, panels = (g.N + nr - 1) / nr;
        long paddedN = (long)panels * nr;
        float* b = (packed ??= new AlignedScratch()).Reserve(g.K * paddedN);

        int panelsPerTask = Math.Max(1, panels / (workers * TasksPerWorker));
        int packTasks = (panels + panelsPerTask - 1) / panelsPerTask;
        Claim(workers, packTasks, t =>
            GemmDriver.PackB(g, kern, b, paddedN, t * panelsPerTask, Math.Min(panels, (t + 1) * panelsPerTask)));

        // Rows per task: at most an MC block, fewer when that leaves too few tasks; columns split only when the
        // rows alone cannot give every worker several tasks.
        int wanted = workers * TasksPerWorker;
        int rowsPerTask = Math.Clamp(Round(Ceil(g.M, wanted), mr), mr, Math.Max(mr, kern.MC));
        int rowTasks = Ceil(g.M, rowsPerTask);
        int colTasks = Math.Min(panels, Ceil(wanted, rowTasks));
        int panelsPerColTask = Ceil(panels, colTasks);
        colTasks = Ceil(panels, panelsPerColTask);
        Claim(workers, rowTasks * colTasks, t =>
        {
            int i0 = t / colTasks * rowsPerTask, j0 = t % colTasks * panelsPerColTask * nr;
            GemmDriver.RunOnPackedB(g, kern, b, paddedN, i0, Math.Min(g.M, i0 + rowsPerTask), j0,
                Math.Min(g.N, j0 + panelsPerColTask * nr));
        });
    }

    static int Ceil(int x, int y) => (x + y - 1) / y;

    static int Round(int x, int multiple) => Ceil(x, multiple) * multiple;

    /// <summary>Runs body(t) for t in [0, count), each task claimed by whichever of the workers is free.</summary>
    static void Claim(int workers, int count, Action<int> body) => Parallelism.For(count, 1, workers, body);
}
