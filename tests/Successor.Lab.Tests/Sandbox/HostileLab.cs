// A lab's files laid out for an attack: a split with a secret in its sealed holdout, a ledger file, another
// trial's folder, and the hostile trial's own folder; and a runner that launches a hostile bash script in
// place of `successor trial`, through the same TrialRunner and sandbox the lab uses.
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Successor.Lab.Config;
using Successor.Lab.Sandbox;
using Successor.Lab.Trials;
using Successor.Training.Recipes;

namespace Successor.Lab.Tests.Sandbox;

public sealed class HostileLab : IDisposable
{
    public const string Secret = "sealed-secret-7f3a";
    public const string LedgerText = "the ledger's history";

    public string Root { get; } = Directory.CreateTempSubdirectory("successor-hostile-").FullName;
    public string Split => Path.Combine(Root, "split");
    public string Sealed => Path.Combine(Split, "sealed", "holdout.jsonl");
    public string Ledger => Path.Combine(Root, ".successor", "ledger.db");
    public string Victim => Path.Combine(Root, "runs", "g1", "g1-victim");
    public string Folder => Path.Combine(Root, "runs", "g1", "g1-hostile");

    /// <summary>Limits small enough that a test meets them in a second or two.</summary>
    public SandboxLimits Limits { get; init; } = new()
    {
        MemoryBytes = 128L << 20, AddressSpaceBytes = 1L << 30, Processes = 64, CpuSeconds = 2,
        FileSizeBytes = 16L << 20, OpenFiles = 64, OutputBytes = 1L << 20,
    };

    public TrialSpec Spec { get; } = new()
    {
        Id = "g1-hostile", Recipe = LabDefaults.Recipe with { Steps = 10 },
    };

    public HostileLab()
    {
        Directory.CreateDirectory(Path.Combine(Split, "sealed"));
        File.WriteAllText(Path.Combine(Split, "train.jsonl"), "{\"text\":\"public training text\"}\n");
        File.WriteAllText(Path.Combine(Split, "validation.jsonl"), "{\"text\":\"public validation text\"}\n");
        File.WriteAllText(Sealed, $"successor sealed\n{{\"text\":\"{Secret}\"}}\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Ledger)!);
        File.WriteAllText(Ledger, LedgerText);
        Directory.CreateDirectory(Victim);
        File.WriteAllText(Path.Combine(Victim, "result.json"), "{\"id\":\"g1-victim\"}");
        Spec = Spec with { Split = Split };
    }

    public string RecipeSha256 => RecipeJson.Sha256(Spec.Recipe);

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Runs `script` (bash) as the trial's worker with `args` after the trial folder; sandboxed unless
    /// told otherwise. The script sees $FOLDER, $SPLIT, $SEALED, $LEDGER, $VICTIM, $LAB_PID (the test's own
    /// process: the lab) and its arguments.</summary>
    public (TrialResult Result, TimeSpan Took) Run(string script, bool sandboxed = true, TimeSpan? budget = null,
        params string[] args)
    {
        var runner = new TrialRunner(1, budget ?? TimeSpan.FromSeconds(60), Launch(script, sandboxed, args, [Ledger]));
        var clock = Stopwatch.StartNew();
        var result = runner.Run([(Spec, Folder)], _ => { }, CancellationToken.None)[0];
        return (result, clock.Elapsed);
    }

    /// <summary>How a lab would start `script` in place of its workers, with decoys at `forbidden`.</summary>
    public WorkerLaunch Launch(string script, bool sandboxed, IReadOnlyList<string> args,
        IReadOnlyList<string> forbidden)
    {
        string path = Path.Combine(Root, "hostile.sh");
        File.WriteAllText(path, $"""
            FOLDER="$1"; shift
            SPLIT='{Split}'; SEALED='{Sealed}'; LEDGER='{Ledger}'; VICTIM='{Victim}'; LAB_PID={Environment.ProcessId}
            {script}
            """);
        ProcessStartInfo Command(string folder)
        {
            var start = new ProcessStartInfo("/bin/bash") { UseShellExecute = false };
            start.ArgumentList.Add(path);
            start.ArgumentList.Add(folder);
            foreach (string a in args) start.ArgumentList.Add(a);
            return start;
        }
        return new WorkerLaunch(Command, [path], sandboxed ? new WorkerSandbox(Limits) : null)
            { Forbidden = forbidden };
    }

    /// <summary>Every file under the lab's root that holds the secret, the sealed file itself aside.</summary>
    public List<string> Leaks() =>
        [.. Directory.EnumerateFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true,
            AttributesToSkip = 0 })
            .Where(f => f != Sealed && new FileInfo(f).LinkTarget is null
                && File.ReadAllText(f).Contains(Secret, StringComparison.Ordinal))];

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
