// The kill switch. `successor halt` records a halt request in the ledger (who and why) and signals the
// running lab through the process file it keeps in its work folder; the loop also polls the ledger for a
// new halt at every safe point, so a lab on another machine sharing a PostgreSQL ledger stops as well.
// A halted lab resumes with `successor run`, like one stopped by Ctrl+C.
using System.Globalization;
using System.Runtime.InteropServices;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Safety.Gates;

public sealed partial class HaltSwitch(ILedger ledger, string lab)
{
    string Id(int n) => $"halt:{lab}/{n}";

    /// <summary>Halt requests recorded so far; they are numbered 1, 2, … so the next id is known.</summary>
    public int Count()
    {
        int n = 0;
        while (ledger.FindById(Id(n + 1)).Count > 0) n++;
        return n;
    }

    public string Request(string person, string reason)
    {
        string id = Id(Count() + 1);
        var request = new HaltRequestRecord(person, reason) { Lab = lab };
        ledger.Append(person, ProvStatement.Activity(id, HaltRequestRecord.Type, request.ToAttributes()));
        return id;
    }

    /// <summary>True when a halt was requested after the first `seen` ones.</summary>
    public bool RequestedSince(int seen) => ledger.FindById(Id(seen + 1)).Count > 0;

    /// <summary>The file in the lab's work folder naming the process that runs it.</summary>
    public static string ProcessFile(string labFolder) => Path.Combine(labFolder, "run.pid");

    public static void WriteProcessFile(string labFolder)
    {
        Directory.CreateDirectory(labFolder);
        var self = System.Diagnostics.Process.GetCurrentProcess();
        File.WriteAllText(ProcessFile(labFolder), $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}\n");
    }

    /// <summary>The process running the lab, if the file names one that is still alive (and is the same
    /// process, not a later one that reused its id).</summary>
    public static System.Diagnostics.Process? RunningProcess(string labFolder)
    {
        string path = ProcessFile(labFolder);
        if (!File.Exists(path)) return null;
        var parts = File.ReadAllText(path)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out int pid)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out long ticks)) return null;
        try
        {
            var process = System.Diagnostics.Process.GetProcessById(pid);
            bool same = Math.Abs(process.StartTime.ToUniversalTime().Ticks - ticks) < TimeSpan.TicksPerSecond;
            return same ? process : null;
        }
        catch (ArgumentException) { return null; }
        catch (InvalidOperationException) { return null; }
    }

    /// <summary>Asks the lab's running process to stop (SIGTERM: it kills its workers and exits 130) and
    /// kills it and its workers outright if it has not stopped after `grace`. Null when no process of the
    /// lab runs here; else whether it stopped by itself, and how long it took.</summary>
    public static (int Process, bool StoppedByItself, TimeSpan Took)? Stop(string labFolder, TimeSpan grace)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var process = RunningProcess(labFolder);
        if (process is null) return null;
        _ = Kill(process.Id, SigTerm);
        bool stopped = process.WaitForExit(grace < TimeSpan.Zero ? TimeSpan.Zero : grace);
        if (!stopped)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        return (process.Id, stopped, clock.Elapsed);
    }

    const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
