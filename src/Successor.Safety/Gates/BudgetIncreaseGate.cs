// gates.budget_increase: raising any cap on resume needs a person's approval; lowering one does not.
using System.Text.Json.Nodes;

namespace Successor.Safety.Gates;

public sealed class BudgetIncreaseGate(bool enabled) : IGate<BudgetChange>
{
    public string Name => "budget-increase";

    public GateQuestion? Ask(BudgetChange c)
    {
        if (!enabled || !Raises(c.From, c.To)) return null;
        var changes = Records.FieldChanges.Between(c.From, c.To)
            .Select(f => f with { From = Cap(f.From), To = Cap(f.To) }).ToList();
        return new($"budget-change-{c.Number}", $"budget increase: {Records.FieldChanges.Text(changes)}")
        {
            Changes = changes,
        };
    }

    /// <summary>True when any cap in `to` is higher than in `from` (0 means no cap, the highest of all), or any
    /// setting that is not a number (a switch such as last_successor_takes_rest) changed: whether it spends more is
    /// not for a rule to guess, so a person decides.</summary>
    public static bool Raises(string from, string to)
    {
        var (a, b) = (JsonNode.Parse(from)!.AsObject(), JsonNode.Parse(to)!.AsObject());
        return b.Any(p => IsNumber(p.Value) && IsNumber(a[p.Key])
            ? Cap(p.Value) > Cap(a[p.Key])
            : !JsonNode.DeepEquals(p.Value, a[p.Key]));
    }

    static bool IsNumber(JsonNode? n) => n is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number;

    /// <summary>A cap as a person reads it: 0 is no cap at all, not a cap of nothing.</summary>
    static string Cap(string value) => value == "0" ? "0 (no cap)" : value;

    static double Cap(JsonNode? n) => (double?)n is { } v && v > 0 ? v : double.PositiveInfinity;
}
