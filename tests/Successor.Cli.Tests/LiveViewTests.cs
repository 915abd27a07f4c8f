// `successor run` redirected and with --json, as a script or a log file sees it: a progress line after every
// trial and verdict (stage, trials done of started, tokens and time against the caps, the time left once it can
// be estimated), what to do next at the end, and no horizon outside the difficulties tested printed as a number.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Successor.Cli.Tests;

public sealed class LiveViewTests
{
    /// <summary>The tiny lab with a wall-clock cap per generation, whose progress lines name it.</summary>
    public static readonly string Capped = LabFolder.Tiny.Replace("\"successor_steps\": 40",
        "\"successor_steps\": 40, \"generation_seconds\": 900");

    /// <summary>What a redirected `successor run` of Capped printed: progress lines, and what to do next at the
    /// end. LabCliTests' whole-lab test runs Capped once and asserts this of its output, so that the same two
    /// generations are not trained again for the live view alone.</summary>
    internal static void AssertRedirectedProgressAndNext(LabFolder lab, ProcessResult run)
    {
        var progress = run.OutputLines.Where(l => l.Contains(" progress: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(progress, l => Regex.IsMatch(l,
            @"^\[\d\d:\d\d\] g1 progress: experiments, trials \d+ of \d+ started, tokens [\d,]+, time \d+ s of 15 min; "
            + "time left: estimated once generation 1 has finished$"));
        Assert.Contains(progress, l => Regex.IsMatch(l,
            @"^\[\d\d:\d\d\] g1 progress: (promoted|rejected), .*; about .+ left \(from 1 finished generation\)$"));
        Assert.Contains(progress, l => l.Contains("g2 progress: ", StringComparison.Ordinal)
            && l.Contains("every generation has finished", StringComparison.Ordinal));

        var lines = run.Stdout.Split('\n');
        int next = Array.IndexOf(lines, "next:");
        Assert.True(next > 0, run.Stdout);
        Assert.StartsWith("  successor serve --ledger " + lab.Ledger, lines[next + 1]);
        var lineage = Regex.Match(lines[next + 2], @"^  successor lineage (checkpoint:[0-9a-f]{16}) --ledger ");
        Assert.True(lineage.Success, lines[next + 2]);
        var champion = Regex.Match(lines[next + 3], @"^  the champion \(generation \d\) is (.+)$");
        Assert.True(File.Exists(Path.GetFullPath(champion.Groups[1].Value)), lines[next + 3]);
        var tree = SuccessorProcess.Run("lineage", lineage.Groups[1].Value, "--ledger", lab.Ledger);
        Assert.True(tree.ExitCode == 0, tree.Stderr);

        // The tiny lab's models are below one half already at difficulty 1, where the fit alone would put a negative
        // horizon: the table and status say "< 1", never that figure.
        Assert.DoesNotMatch(@"^\d\s.*\s-\d+\.\d\d \[", string.Join('\n', run.OutputLines.Where(l => l.Length > 0
            && char.IsDigit(l[0]))));
        var status = JsonNode.Parse(SuccessorProcess.Run([.. lab.Args("status"), "--json"]).Stdout)!;
        string? bound = (string?)status["horizon_bound"];
        Assert.True(bound is "below" or "above" or null);
        if (bound is not null)
        {
            Assert.Null(status["champion_horizon"]);
            Assert.Equal(bound == "below" ? 1 : 3, (int)status["horizon_edge"]!);
        }
        else Assert.InRange((double)status["champion_horizon"]!, 1, 3);
    }

    [Fact]
    public void With_json_every_trial_and_verdict_is_followed_by_a_progress_event()
    {
        using var lab = new LabFolder(LabFolder.OneGeneration("\"research\": { \"proposals\": 2 }")
            .Replace("\"successor_steps\": 40", "\"successor_steps\": 40, \"generation_tokens\": 5000000"));
        var json = lab.Succeed("run", "--json");
        var events = json.OutputLines.Where(l => l.StartsWith("{\"event\"", StringComparison.Ordinal))
            .Select(l => JsonNode.Parse(l)!).ToList();
        var g1 = events.Where(e => (string?)e["event"] == "progress" && (int?)e["generation"] == 1).ToList();
        Assert.Equal(events.Count(e => (string?)e["event"] == "trial" && (int?)e["generation"] == 1) + 1, g1.Count);
        Assert.All(g1, e =>
        {
            Assert.InRange((int)e["trials_done"]!, 1, (int)e["trials_started"]!);
            Assert.Equal(5_000_000, (long)e["token_budget"]!);
            Assert.InRange((long)e["tokens"]!, 1, 5_000_000);
        });
        Assert.All(g1.SkipLast(1), e => Assert.Null(e["seconds_left"])); // nothing measured yet
        Assert.Equal(0, (double)g1[^1]["seconds_left"]!);
        Assert.Contains((string)g1[^1]["stage"]!, new[] { "promoted", "rejected" });
        var result = JsonNode.Parse(json.OutputLines.Last())!;
        Assert.StartsWith("checkpoint:", (string)result["champion_lineage"]!);
    }
}
