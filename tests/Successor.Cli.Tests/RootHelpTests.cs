// `successor` as a newcomer first meets it: alone, the three commands to run first and where to read more (exit
// 0, not an error); with --help, every command once, under the heading of what it is for.
namespace Successor.Cli.Tests;

public sealed class RootHelpTests
{
    [Fact]
    public void Alone_it_shows_what_to_do_first_and_where_to_read_more()
    {
        var r = SuccessorProcess.Run();
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var lines = r.Stdout.Split('\n');
        var start = lines.SkipWhile(l => l != "Start here:").Skip(1).TakeWhile(l => l.Length > 0)
            .Select(l => l.Trim()).ToList();
        Assert.Equal(["run", "status", "serve"], start.Select(l => l.Split(' ', 3)[1]).ToArray());
        Assert.Contains("README.md", r.Stdout);
        Assert.Contains("docs/LAB.md", r.Stdout);
        Assert.DoesNotContain("Required command", r.Stdout + r.Stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_lists_every_command_once_under_what_it_is_for(string flag)
    {
        var r = SuccessorProcess.Run(flag);
        Assert.Equal(0, r.ExitCode);
        string[] headings = ["The lab:", "Models:", "Data:", "The ledger:", "People and gates:"];
        var lines = r.Stdout.Split('\n');
        int[] at = [.. headings.Select(h => Array.IndexOf(lines, h))];
        Assert.All(at, i => Assert.True(i >= 0, r.Stdout));
        Assert.Equal(at.Order(), at);
        string Group(string command) => headings[at.Count(i => i < Array.FindIndex(lines,
            l => l.StartsWith($"  {command} ", StringComparison.Ordinal))) - 1];
        Assert.Equal("The lab:", Group("run"));
        Assert.Equal("Models:", Group("train"));
        Assert.Equal("Data:", Group("data"));
        Assert.Equal("The ledger:", Group("verify"));
        Assert.Equal("People and gates:", Group("approve"));
        string[] commands = ["train", "sample", "eval", "bench", "lineage", "log", "verify", "notary", "witness",
            "export", "import", "prove", "data", "curriculum", "compare", "schema", "init", "run", "status", "person",
            "approve", "reject", "halt", "serve", "judge"];
        foreach (var c in commands)
            Assert.Single(lines, l => l.StartsWith($"  {c} ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("  trial ", StringComparison.Ordinal)); // the worker's own
    }

    [Fact]
    public void A_command_s_own_help_is_unchanged()
    {
        var r = SuccessorProcess.Run("run", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--config", r.Stdout);
    }
}
