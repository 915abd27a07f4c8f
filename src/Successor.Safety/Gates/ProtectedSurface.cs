// What no proposal may touch: the budgets and seeds the loop sets itself, and anything of the evaluation,
// gates or safety. A proposal can only change how a model trains; one that reaches further is refused and
// recorded as an incident before anything trains on it.
namespace Successor.Safety.Gates;

public static class ProtectedSurface
{
    static readonly string[] Keys = ["seed", "steps"];
    static readonly string[] Sections =
    [
        "curriculum", "split", "budgets", "research", "self_generation", "promotion", "gates", "safety", "eval",
        "holdout", "verifier"
    ];

    /// <summary>The first protected key among `key=value` overrides, or null when none is.</summary>
    public static string? Touched(IReadOnlyList<string> overrides)
    {
        foreach (var o in overrides)
        {
            string key = o.Split('=', 2)[0].Trim().ToLowerInvariant();
            if (Keys.Contains(key) || key.Contains('.')
                || Sections.Any(s => key.StartsWith(s, StringComparison.Ordinal)))
                return key;
        }
        return null;
    }
}
