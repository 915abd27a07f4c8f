// Runs two writer processes (tests/Successor.Ledger.Writer) against one ledger and kills one of
// them with SIGKILL at a random moment, again and again, restarting it each time. Returns every
// append a writer acknowledged (printed after Append returned) before it died.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Successor.Ledger.Tests.Storage;

internal sealed record CrashResult(int Kills, IReadOnlyList<(long Seq, string Subject)> Acknowledged);

internal static class CrashHarness
{
    private const int Slots = 2;

    public static CrashResult Run(string location, string artifactDir, int kills, int seed)
    {
        var acked = new ConcurrentQueue<(long, string)>();
        var rng = new Random(seed);
        var running = new Writer[Slots];
        int generation = 0;
        Writer Start(int slot) => new(location, artifactDir, $"w{slot}g{generation++}", acked);
        try
        {
            for (int s = 0; s < Slots; s++) running[s] = Start(s);
            for (int k = 0; k < kills; k++)
            {
                int victim = rng.Next(Slots);
                running[victim].WaitUntilWriting();
                Thread.Sleep(rng.Next(0, 40));
                running[victim].Kill();
                running[victim] = Start(victim);
            }
            return new CrashResult(kills, acked.ToList());
        }
        finally
        {
            foreach (var w in running) w?.Kill();
        }
    }

    private sealed class Writer
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _stderr = new();
        private int _acks;

        public Writer(string location, string artifactDir, string worker, ConcurrentQueue<(long, string)> acked)
        {
            var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            string writer = Path.Combine(AppContext.BaseDirectory, "Successor.Ledger.Writer.dll");
            string[] arguments = [writer, "write", "--db", location, "--worker", worker, "--artifacts", artifactDir];
            foreach (var a in arguments)
                psi.ArgumentList.Add(a);
            _process = new Process { StartInfo = psi };
            _process.OutputDataReceived += (_, e) =>
            {
                var parts = e.Data?.Split(' ');
                if (parts is ["ack", var seq, var subject, "."])
                {
                    acked.Enqueue((long.Parse(seq, CultureInfo.InvariantCulture), subject));
                    Interlocked.Increment(ref _acks);
                }
            };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public void WaitUntilWriting()
        {
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref _acks) == 0)
            {
                if (_process.HasExited)
                    throw new InvalidOperationException(
                        $"writer exited on its own with code {_process.ExitCode}: {string.Join(" | ", _stderr)}");
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                    throw new TimeoutException("writer acknowledged nothing within 60 s");
                Thread.Sleep(2);
            }
        }

        public void Kill()
        {
            if (!_process.HasExited) _process.Kill(); // SIGKILL
            _process.WaitForExit(); // also drains the redirected output
        }
    }
}
