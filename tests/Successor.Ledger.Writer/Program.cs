// A ledger writer in its own process, for what only separate processes can show.
//   write --db LOC --worker NAME [--count N] [--artifacts DIR]
//       appends records (every 4th with a 64–256 KiB artifact) and prints "ack <seq> <subject> ."
//       after each append returns: the crash test kills it with SIGKILL and checks every ack.
//   bench --db LOC --writers N [--seconds S] [--batch B] [--synchronous NORMAL|FULL]
//       starts N writer processes at once and reports appends per second.
//   demo --db LOC --artifacts DIR
//       records two generations of a lab (see DemoLineage), to try the CLI on.
//   run ...   one bench writer (started by bench).
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Successor.Ledger;
using Successor.Ledger.Artifacts;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

var options = ParseOptions(args.Skip(1).ToArray());
string Opt(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;
try
{
    return args.FirstOrDefault() switch
    {
        "write" => Write(Opt("db", LedgerStore.DefaultPath), Opt("worker", "w"),
            long.Parse(Opt("count", "1000000000"), CultureInfo.InvariantCulture),
            options.GetValueOrDefault("artifacts")),
        "bench" => Bench(Opt("db", LedgerStore.DefaultPath),
            int.Parse(Opt("writers", "1"), CultureInfo.InvariantCulture),
            double.Parse(Opt("seconds", "5"), CultureInfo.InvariantCulture),
            int.Parse(Opt("batch", "1"), CultureInfo.InvariantCulture), Opt("synchronous", "NORMAL")),
        "demo" => Demo(Opt("db", LedgerStore.DefaultPath),
            Opt("artifacts", Path.Combine(LedgerStore.DefaultDirectory, "artifacts"))),
        "run" => Run(Opt("db", ""), Opt("worker", "w"), long.Parse(Opt("start", "0"), CultureInfo.InvariantCulture),
            double.Parse(Opt("seconds", "5"), CultureInfo.InvariantCulture),
            int.Parse(Opt("batch", "1"), CultureInfo.InvariantCulture), Opt("synchronous", "NORMAL")),
        _ => Usage(),
    };
}
catch (LedgerException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine(
        "usage: Successor.Ledger.Writer write|bench|run --db LOCATION [options]; see the header of Program.cs");
    return 2;
}

static ILedger Open(string location, string synchronous) => LedgerStore.Open(location, synchronous);

static int Write(string db, string worker, long count, string? artifactDir)
{
    using var ledger = LedgerStore.Open(db);
    var store = artifactDir is null ? null : new ArtifactStore(artifactDir);
    var rng = new Random(Environment.ProcessId);
    var stdout = Console.Out;
    for (long n = 0; n < count; n++)
    {
        ProvStatement statement;
        if (store is not null && n % 4 == 0)
        {
            var data = new byte[rng.Next(64 << 10, 256 << 10)];
            rng.NextBytes(data);
            string digest = store.Put(data);
            statement = ProvStatement.Artifact($"dataset:{worker}-{n}", "dataset", digest,
                new JsonObject { ["worker"] = worker, ["n"] = n });
        }
        else
        {
            statement = ProvStatement.Entity($"note:{worker}-{n}", "note",
                new JsonObject { ["worker"] = worker, ["n"] = n });
        }
        var record = ledger.Append($"writer:{worker}", statement);
        // The trailing "." marks a whole line: a line cut short by the kill is not an ack.
        stdout.WriteLine($"ack {record.Seq} {statement.Subject} .");
        stdout.Flush();
    }
    return 0;
}

static int Demo(string db, string artifactDir)
{
    using var ledger = LedgerStore.Open(db);
    Successor.Ledger.Writer.DemoLineage.Record(ledger, new ArtifactStore(artifactDir));
    Console.WriteLine($"records: {ledger.Count()}");
    return 0;
}

static int Bench(string db, int writers, double seconds, int batch, string synchronous)
{
    // Create the schema first so the writers measure appends, not set-up.
    using (Open(db, synchronous)) { }
    long start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1500;
    var children = new List<Process>();
    for (int i = 0; i < writers; i++)
    {
        var psi = SelfStartInfo();
        string[] arguments =
        [
            "run", "--db", db, "--worker", $"b{i}", "--start", start.ToString(CultureInfo.InvariantCulture),
            "--seconds", seconds.ToString(CultureInfo.InvariantCulture),
            "--batch", batch.ToString(CultureInfo.InvariantCulture), "--synchronous", synchronous,
        ];
        foreach (var a in arguments)
            psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = true;
        children.Add(Process.Start(psi)!);
    }
    long appends = 0, retries = 0;
    double elapsed = 0;
    foreach (var child in children)
    {
        string line = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        var parts = line.Split(' ');
        if (child.ExitCode != 0 || parts.Length != 4)
        {
            Console.Error.WriteLine($"bench: a writer failed (exit {child.ExitCode}): {line}");
            return 1;
        }
        appends += long.Parse(parts[1], CultureInfo.InvariantCulture);
        retries += long.Parse(parts[2], CultureInfo.InvariantCulture);
        elapsed = Math.Max(elapsed, double.Parse(parts[3], CultureInfo.InvariantCulture));
    }
    string backend = db.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        ? "postgresql"
        : $"sqlite (synchronous={synchronous})";
    Console.WriteLine($"backend: {backend}");
    Console.WriteLine($"writers: {writers}");
    Console.WriteLine($"batch: {batch}");
    Console.WriteLine($"seconds: {elapsed:F2}");
    Console.WriteLine($"appends: {appends}");
    Console.WriteLine($"busy_retries: {retries}");
    Console.WriteLine($"appends_per_second: {appends / elapsed:F0}");
    return 0;
}

static int Run(string db, string worker, long startUnixMs, double seconds, int batch, string synchronous)
{
    using var ledger = Open(db, synchronous);
    var statements = new ProvStatement[batch];
    long wait = startUnixMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    if (wait > 0) Thread.Sleep((int)wait);
    var clock = Stopwatch.StartNew();
    long n = 0;
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        for (int i = 0; i < batch; i++, n++)
            statements[i] = ProvStatement.Artifact($"dataset:{worker}-{n}", "dataset",
                "sha256:" + Convert.ToHexStringLower(BitConverter.GetBytes(n)).PadLeft(64, '0'),
                new JsonObject { ["rows"] = n, ["source"] = "bench", ["worker"] = worker });
        ledger.AppendBatch($"writer:{worker}", statements);
    }
    Console.WriteLine(
        $"done {n} {ledger.BusyRetries} {clock.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)}");
    return 0;
}

static ProcessStartInfo SelfStartInfo()
{
    string host = Environment.ProcessPath!;
    var psi = new ProcessStartInfo(host) { UseShellExecute = false };
    string ledgerDll = typeof(Successor.Ledger.Storage.ILedger).Assembly.Location;
    if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        psi.ArgumentList.Add(ledgerDll.Replace("Successor.Ledger.dll", "Successor.Ledger.Writer.dll"));
    return psi;
}

static Dictionary<string, string> ParseOptions(string[] a)
{
    var d = new Dictionary<string, string>();
    for (int i = 0; i + 1 < a.Length; i += 2)
    {
        if (!a[i].StartsWith("--", StringComparison.Ordinal))
            throw new LedgerException($"argument \"{a[i]}\": expected an option such as --db");
        d[a[i][2..]] = a[i + 1];
    }
    return d;
}
