// What `successor` says before it is told what to do: alone, the three commands a newcomer runs first and where
// to read more; with --help, every command grouped by what it is for, so the list reads as a map of the lab
// rather than the order the commands were written in.
using System.Text;

namespace Successor.Cli.Output;

public static class RootHelp
{
    /// <summary>Each group's heading and its commands, in the order a newcomer meets them. A command no group
    /// names is listed under "Other", so a new command is never left out of the help.</summary>
    static readonly (string Heading, string[] Commands)[] Groups =
    [
        ("The lab", ["init", "run", "status", "serve", "schema", "judge", "plugin"]),
        ("Models", ["train", "sample", "eval", "compare", "bench", "import", "export"]),
        ("Data", ["data", "curriculum"]),
        ("The ledger", ["log", "lineage", "verify", "prove", "notary", "witness"]),
        ("People and gates", ["person", "approve", "reject", "halt"]),
    ];

    public static string Welcome() => """
        Successor: a lab in which small language models train their successors.

        Start here:
          successor run       run the lab (lab.json, or the built-in default: three generations, a few minutes)
          successor status    where the lab stands: each generation, its champion and what it cost
          successor serve     the dashboard at http://127.0.0.1:5117: lineage, horizons, approvals

        successor init writes lab.json with every setting and its default. Every command: successor --help.
        Read more: README.md, docs/LAB.md (the lab), docs/SAFETY.md (gates and the sandbox), docs/ERRORS.md.

        """;

    /// <summary>The root's help: usage, then every visible command under its group's heading.</summary>
    public static string Grouped(RootCommand root)
    {
        var visible = root.Subcommands.Where(c => !c.Hidden).ToList();
        string Usage(Command c) =>
            c.Name + string.Concat(c.Arguments.Where(a => !a.Hidden).Select(a => $" <{a.Name}>"));
        int width = visible.Count == 0 ? 0 : visible.Max(c => Usage(c).Length);
        var text = new StringBuilder();
        text.AppendLine(root.Description).AppendLine();
        text.AppendLine("Usage: successor <command> [options]     successor <command> --help for its options");
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var groups = Groups.Select(g => (g.Heading,
            Commands: g.Commands.Select(n => visible.FirstOrDefault(c => c.Name == n)).OfType<Command>().ToList()))
            .ToList();
        groups.Add(("Other", visible.Where(c => !Groups.Any(g => g.Commands.Contains(c.Name))).ToList()));
        foreach (var (heading, commands) in groups)
        {
            if (commands.Count == 0) continue;
            text.AppendLine().AppendLine(heading + ":");
            foreach (var c in commands)
                if (listed.Add(c.Name)) text.AppendLine($"  {Usage(c).PadRight(width)}  {c.Description}");
        }
        text.AppendLine().AppendLine("Options:");
        text.AppendLine("  -h, --help  Show this help      --version  Show the version");
        return text.ToString();
    }
}
