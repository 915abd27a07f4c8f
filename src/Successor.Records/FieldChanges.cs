// The fields that differ between two JSON objects (nested keys as dotted paths, in the order of the second), and
// the same read back from the one-line summaries budget requests carried before they recorded their changes.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Successor.Records;

public static partial class FieldChanges
{
    /// <summary>Every leaf whose value differs, is added or is removed between two JSON objects.</summary>
    public static IReadOnlyList<FieldChange> Between(string fromJson, string toJson)
    {
        var from = Leaves(JsonNode.Parse(fromJson), "").ToDictionary(l => l.Path, l => l.Value);
        var to = Leaves(JsonNode.Parse(toJson), "").ToList();
        var changes = to.Where(l => !from.TryGetValue(l.Path, out var was) || was != l.Value)
            .Select(l => new FieldChange(l.Path, from.GetValueOrDefault(l.Path) ?? "(none)", l.Value)).ToList();
        var kept = to.Select(l => l.Path).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(from.Where(f => !kept.Contains(f.Key)).Select(f => new FieldChange(f.Key, f.Value, "(none)")));
        return changes;
    }

    /// <summary>"successor_steps: 100 → 120; trial_steps: 20 → 30".</summary>
    public static string Text(IEnumerable<FieldChange> changes) => string.Join("; ", changes);

    /// <summary>The changes a request names: its own, or for a budget request recorded before requests kept them,
    /// those between the two budgets its summary quotes; empty when neither is there.</summary>
    public static IReadOnlyList<FieldChange> Of(ApprovalRequestRecord request)
    {
        if (request.Changes is { } recorded) return recorded;
        if (OldBudgetSummary().Match(request.Summary) is not { Success: true } m) return [];
        try { return Between(m.Groups["from"].Value, m.Groups["to"].Value); }
        catch (System.Text.Json.JsonException) { return []; }
    }

    static IEnumerable<(string Path, string Value)> Leaves(JsonNode? node, string prefix)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
                foreach (var leaf in Leaves(value, prefix.Length == 0 ? key : $"{prefix}.{key}")) yield return leaf;
        }
        else yield return (prefix, node?.ToJsonString() ?? "null");
    }

    [GeneratedRegex(@"^budget increase (?<from>\{.*\}) → (?<to>\{.*\})$")]
    private static partial Regex OldBudgetSummary();
}
