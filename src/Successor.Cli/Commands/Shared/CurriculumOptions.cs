// The options that choose curriculum problems, worded alike in every command that takes them.
namespace Successor.Cli.Commands.Shared;

public static class CurriculumOptions
{
    public static Option<string> Families(string name, string families) => new(name)
        { Description = "Task families, comma-separated, or all", DefaultValueFactory = _ => families };

    public static Option<string> Difficulties(string description, string range) => new("--difficulties")
        { Description = description, DefaultValueFactory = _ => range };

    /// <summary>--count: `what` per family x difficulty.</summary>
    public static Option<int> Count(int count, string what = "Problems") => new("--count")
        { Description = $"{what} per family x difficulty", DefaultValueFactory = _ => count };
}
