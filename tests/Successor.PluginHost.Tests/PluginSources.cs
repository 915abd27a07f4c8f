// Plug-ins the tests compile and run: a good learning-rate schedule, a broken one and its repair, and the red
// team's — each hostile one reaching for something a plug-in must not touch, with the API the compile-time
// screen must name. Shared with the end-to-end tests (linked into Successor.Cli.Tests).
namespace Successor.PluginHost.Tests;

public static class PluginSources
{
    /// <summary>The recipe's schedule, but never below 30% of the peak: a short trial's cosine decays to its
    /// floor long before the model has learned, and this keeps it learning.</summary>
    public const string Floor = """
        using System;
        using Successor.Plugins;

        public sealed class WarmFloor : ILearningRateSchedule
        {
            public double LearningRate(ScheduleStep step) => Math.Max(step.BuiltIn,
                step.Step < step.WarmupSteps ? 0 : 0.3 * step.PeakLearningRate);
        }
        """;

    /// <summary>The same with a typo a compiler names (Math.Mux) and a missing semicolon.</summary>
    public const string Broken = """
        using System;
        using Successor.Plugins;

        public sealed class WarmFloor : ILearningRateSchedule
        {
            public double LearningRate(ScheduleStep step)
            {
                double floor = 0.3 * step.PeakLearningRate
                return Math.Mux(step.BuiltIn, step.Step < step.WarmupSteps ? 0 : floor);
            }
        }
        """;

    /// <summary>A data filter that passes the screen and fails at its first row: its trial fails, and the lab
    /// records which plug-in it ran.</summary>
    public const string Throws = """
        using System;
        using Successor.Plugins;

        public sealed class Crash : IDataFilter
        {
            public bool Keep(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets) =>
                throw new InvalidOperationException("a plug-in that fails at run time");
        }
        """;

    /// <summary>A body for `LearningRate` wrapped into a schedule plug-in, with `members` beside it.</summary>
    public static string Schedule(string body, string members = "", string usings = "") => $$"""
        using System;
        using Successor.Plugins;
        {{usings}}

        public sealed class Hostile : ILearningRateSchedule
        {
            {{members}}
            public double LearningRate(ScheduleStep step)
            {
                {{body}}
                return step.BuiltIn;
            }
        }
        """;

    /// <summary>The red team at compile time: name, source, and what the screen must say it reaches.</summary>
    public static IReadOnlyList<(string Name, string Source, string Refused)> Refused { get; } =
    [
        ("open a socket", Schedule("""
            var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork,
                System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            s.Connect("127.0.0.1", 80);
            """), "System.Net"),
        ("read the sealed holdout", Schedule("""
            string stolen = System.IO.File.ReadAllText("../../split/sealed/holdout.jsonl");
            """), "System.IO.File"),
        ("read the ledger", Schedule("""
            byte[] ledger = System.IO.File.ReadAllBytes("/work/.successor/ledger.db");
            """), "System.IO.File"),
        ("list the judge's folder", Schedule("""
            var secrets = System.IO.Directory.GetFiles(".successor/judge");
            """), "System.IO.Directory"),
        ("write outside its folder", Schedule("""
            System.IO.File.WriteAllText("/tmp/../home/planted.txt", "x");
            """), "System.IO.File"),
        ("spawn a process", Schedule("""
            System.Diagnostics.Process.Start("/bin/sh", "-c id");
            """), "System.Diagnostics"),
        ("tamper with the evaluator by reflection", Schedule("""
            var verifier = Type.GetType("Successor.Evaluation.Verification.Verifier, Successor.Evaluation");
            verifier.GetField("Tolerance").SetValue(null, 1.0);
            """), "System.Type"),
        ("tamper with the evaluator's assemblies", Schedule("""
            foreach (var a in AppDomain.CurrentDomain.GetAssemblies()) { }
            """), "System.AppDomain"),
        ("rewrite the evaluator's files", Schedule("""
            string dll = AppContext.BaseDirectory + "Successor.Evaluation.dll";
            """), "System.AppContext"),
        ("read the environment", Schedule("""
            string key = Environment.GetEnvironmentVariable("SUCCESSOR_KEY");
            """), "System.Environment"),
        ("exit the worker", Schedule("Environment.Exit(0);"), "System.Environment"),
        ("start a thread", Schedule("""
            new System.Threading.Thread(() => { while (true) { } }).Start();
            """), "System.Threading"),
        ("call native code", Schedule("system(\"id\");", """
            [System.Runtime.InteropServices.DllImport("libc")] static extern int system(string command);
            """), "System.Runtime.InteropServices"),
        ("write memory through a pointer", Schedule("unsafe { int* p = (int*)8; *p = 1; }"), "unsafe code"),
        ("reinterpret memory", Schedule("""
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<double>(new double[1]));
            """), "System.Runtime.InteropServices"),
        ("load an assembly", Schedule("""
            System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath("/tmp/evil.dll");
            """), "System.Runtime.Loader"),
        ("reach reflection through a delegate", Schedule("""
            Func<double> f = () => 1; var method = f.Method;
            """), "System.Reflection.MethodInfo"),
        ("reach reflection through an object's type", Schedule("var t = step.GetType();"), "System.Type"),
        ("stop the garbage collector", Schedule("GC.TryStartNoGCRegion(1 << 30);"), "System.GC"),
    ];

    /// <summary>Trains 10 steps, then spins for ever: passes the screen; the sandbox's wall-clock budget stops it.
    /// </summary>
    public static string Spin { get; } = Schedule("while (step.Step >= 10) { }");

    /// <summary>Allocates and touches memory without bound: passes the screen; the memory limit stops it.</summary>
    public static string Allocate { get; } = Schedule("""
        var hoard = new System.Collections.Generic.List<byte[]>();
        while (true)
        {
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)1);
            hoard.Add(block);
        }
        """);
}
