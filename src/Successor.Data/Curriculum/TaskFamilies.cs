// The built-in task families and the exact checker. Every family's difficulty d starts at 1; see
// docs/DATA.md for the format of each.
namespace Successor.Data.Curriculum;

public static class TaskFamilies
{
    public static IReadOnlyList<ITaskFamily> All { get; } =
    [
        new AdditionFamily(reversed: false), new AdditionFamily(reversed: true), new MultiplicationFamily(),
        new CopyFamily(reverse: false), new CopyFamily(reverse: true), new SortFamily(),
        new RecallFamily(), new BracketsFamily(),
    ];

    public static ITaskFamily Get(string name) =>
        All.FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentException(
            $"task family '{name}' is unknown; known families: {string.Join(", ", All.Select(f => f.Name))}");

    /// <summary>"radd,sort" or "all" → families, in the order given.</summary>
    public static IReadOnlyList<ITaskFamily> Parse(string list) =>
        list.Trim() == "all" ? All
            : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Get)];

    /// <summary>True when `answer` is exactly the right answer to `prompt` (surrounding whitespace ignored).</summary>
    public static bool Check(string prompt, string answer)
    {
        var family = All.FirstOrDefault(f => f.Name == Problem.FamilyOf(prompt));
        return family?.Solve(prompt) is { } right && right == answer.Trim();
    }
}
