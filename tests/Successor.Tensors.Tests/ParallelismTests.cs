// Parallel loops on the kernels' own workers: every index exactly once, errors reach the caller, and a worker
// held up elsewhere never holds up a loop.
namespace Successor.Tensors.Tests;

public sealed class ParallelismTests
{
    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(7, 1, 2)]
    [InlineData(1000, 3, 2)]
    [InlineData(1000, 64, 4)]
    [InlineData(5, 100, 3)]
    public void Every_index_runs_exactly_once(int count, int grain, int workers)
    {
        for (int round = 0; round < 200; round++)
        {
            var hits = new int[count];
            Parallelism.For(count, grain, workers, i => Interlocked.Increment(ref hits[i]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void Loops_from_several_threads_at_once_each_finish_with_their_own_indices()
    {
        var sums = new long[4];
        Parallel.For(0, 4, t =>
        {
            for (int round = 0; round < 300; round++)
                Parallelism.For(100, 1, 2, i => Interlocked.Add(ref sums[t], i + 1));
        });
        Assert.All(sums, s => Assert.Equal(300L * 5050, s));
    }

    [Fact]
    public void An_exception_in_a_body_reaches_the_caller_and_the_workers_go_on()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Parallelism.For(64, 1, 2, i => { if (i == 37) throw new InvalidOperationException("index 37"); }));
        Assert.Equal("index 37", error.Message);
        int done = 0;
        Parallelism.For(64, 1, 2, _ => Interlocked.Increment(ref done));
        Assert.Equal(64, done);
    }

    [Fact]
    public async Task A_loop_finishes_while_a_worker_is_held_up_in_another_loops_body()
    {
        using var stuck = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // Loop 1: whichever index a pool worker takes holds that worker until released.
        var first = Task.Run(() => Parallelism.For(1000, 1, 2, _ =>
        {
            if (Thread.CurrentThread.Name?.StartsWith("Successor kernel worker", StringComparison.Ordinal) == true
                && !stuck.IsSet)
            {
                stuck.Set();
                release.Wait();
            }
            else stuck.Wait(TimeSpan.FromSeconds(30)); // the caller's share waits until a worker holds one index
        }));
        Assert.True(stuck.Wait(TimeSpan.FromSeconds(30)), "no pool worker took part in the first loop");
        // Loop 2, with the only worker held: its caller does all the work and returns.
        int done = 0;
        var second = Task.Run(() => Parallelism.For(500, 1, 2, _ => Interlocked.Increment(ref done)));
        await second.WaitAsync(TimeSpan.FromSeconds(30)); // TimeoutException: it waited for the held worker
        Assert.Equal(500, done);
        Assert.False(first.IsCompleted);
        release.Set();
        await first.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
