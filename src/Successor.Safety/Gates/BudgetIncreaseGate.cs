// gates.budget_increase: raising any cap on resume needs a person's approval; lowering one does not.
using System.Text.Json.Nodes;

namespace Successor.Safety.Gates;

public sealed class BudgetIncreaseGate(bool enabled) : IGate<BudgetChange>
{
    public string Name => "budget-increase";

    public GateQuestion? Ask(BudgetChange c) => enabled && Raises(c.From, c.To)
        ? new($"budget-change-{c.Number}", $"budget increase {c.From} → {c.To}")
        : null;

    /// <summary>True when any cap in `to` is higher than in `from` (0 means no cap, the highest of all).</summary>
    public static bool Raises(string from, string to)
    {
        var (a, b) = (JsonNode.Parse(from)!.AsObject(), JsonNode.Parse(to)!.AsObject());
        return b.Any(p => Cap(p.Value) > Cap(a[p.Key]));
    }

    static double Cap(JsonNode? n) => (double?)n is { } v && v > 0 ? v : double.PositiveInfinity;
}
