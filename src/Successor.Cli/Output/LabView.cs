// What `successor run` shows while the lab works. On a terminal: a live table, one row per generation (stage,
// trials done of started, tokens and time used of their caps), the estimate of the time left and the latest
// event, with only the milestones (verdicts, gates, incidents) kept as lines above it. Redirected: every event
// as a stamped line, and a progress line after each trial and verdict. With --json: the same as JSON lines.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;
using Successor.Lab.Loop;

namespace Successor.Cli.Output;

public sealed class LabView(LabProgress progress, Printer printer, Stopwatch clock)
{
    readonly Lock console = new();
    LabLine? last;

    /// <summary>Stages worth a line of their own above the live table.</summary>
    static readonly HashSet<string> Milestones = ["start", "champion", "selection", "verify", "promoted", "rejected",
        "gate", "incident", "budget", "done", "import"];

    /// <summary>Runs the lab, handing it the callback its progress lines go to.</summary>
    public void Run(Action<Action<LabLine>> run)
    {
        if (!printer.Interactive)
        {
            run(Plain);
            return;
        }
        AnsiConsole.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Start(ctx =>
        {
            // the clock moves between events too
            using var tick = new Timer(_ => { lock (console) ctx.UpdateTarget(Render()); }, null, 1000, 1000);
            run(line =>
            {
                lock (console)
                {
                    progress.Add(line, clock.Elapsed);
                    last = line;
                    if (Milestones.Contains(line.Stage)) AnsiConsole.WriteLine(Stamped(line));
                    ctx.UpdateTarget(Render());
                }
            });
        });
    }

    void Plain(LabLine line)
    {
        lock (console)
        {
            progress.Add(line, clock.Elapsed);
            var now = clock.Elapsed;
            if (printer.Json)
                Console.WriteLine(new JsonObject
                {
                    ["event"] = line.Stage, ["generation"] = line.Generation, ["text"] = line.Text,
                    ["elapsed_seconds"] = Math.Round(now.TotalSeconds, 1),
                }.ToJsonString());
            else Console.WriteLine(Stamped(line));
            if (line.Stage is not ("trial" or "promoted" or "rejected" or "champion")) return;
            var g = progress.Generations(now).FirstOrDefault(x => x.Number == line.Generation);
            if (g is null) return;
            double? left = progress.SecondsLeft(now);
            if (printer.Json)
                Console.WriteLine(new JsonObject
                {
                    ["event"] = "progress", ["generation"] = g.Number, ["stage"] = g.Stage,
                    ["trials_done"] = g.TrialsDone, ["trials_started"] = g.TrialsStarted, ["tokens"] = g.Tokens,
                    ["token_budget"] = g.TokenBudget, ["seconds"] = Math.Round(g.Seconds, 1),
                    ["seconds_budget"] = g.SecondsBudget, ["seconds_left"] = left is { } l ? Math.Round(l, 0) : null,
                    ["elapsed_seconds"] = Math.Round(now.TotalSeconds, 1),
                }.ToJsonString());
            else
                Console.WriteLine($"[{Stamp(now)}] g{g.Number} progress: {g.Stage}, trials {g.TrialsDone} of " +
                    $"{g.TrialsStarted} started, tokens {Of(g.Tokens, g.TokenBudget)}, time " +
                    $"{Of(g.Seconds, g.SecondsBudget)}; {progress.LeftText(now)}");
        }
    }

    IRenderable Render()
    {
        var now = clock.Elapsed;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("gen", "stage", "trials", "tokens (of cap)", "time (of cap)");
        foreach (var g in progress.Generations(now))
        {
            bool waiting = g.Stage == "waiting";
            string stage = g.Finished || waiting ? g.Stage : $"[bold]{Markup.Escape(g.Stage)}[/]";
            table.AddRow(
                $"g{g.Number}", stage,
                waiting || g.TrialsStarted == 0 ? "" : $"{g.TrialsDone}/{g.TrialsStarted}",
                waiting ? "" : Of(g.Tokens, g.TokenBudget),
                waiting || g.Stage == "done (recorded)" ? "" : Of(g.Seconds, g.SecondsBudget));
        }
        string latest = last is null ? "starting" : $"g{last.Generation} {last.Stage}: {last.Text}";
        return new Rows(table, new Markup($"[blue]{Markup.Escape(progress.LeftText(now))}[/]"),
            new Text(Short(latest, Math.Max(40, Console.WindowWidth - 1))));
    }

    static string Short(string s, int width) => s.Length <= width ? s : s[..(width - 3)] + "...";

    static string Of(long used, long? cap) => cap is { } c
        ? $"{used.ToString("N0", CultureInfo.InvariantCulture)} of {c.ToString("N0", CultureInfo.InvariantCulture)}"
        : used.ToString("N0", CultureInfo.InvariantCulture);

    static string Of(double seconds, double? cap) =>
        cap is { } c ? $"{LabProgress.Duration(seconds)} of {LabProgress.Duration(c)}" : LabProgress.Duration(seconds);

    string Stamped(LabLine line) => $"[{Stamp(clock.Elapsed)}] g{line.Generation} {line.Stage}: {line.Text}";

    /// <summary>minutes:seconds, with hours in front once a lab runs past one.</summary>
    static string Stamp(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1 ? $"{(int)elapsed.TotalHours}:{elapsed:mm\\:ss}" : $"{elapsed:mm\\:ss}";
}
