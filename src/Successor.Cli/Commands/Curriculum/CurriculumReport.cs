// Prints a curriculum evaluation: per family × difficulty accuracy, the horizon per family with its CI,
// the weakness report, then `key: value` lines — or one JSON object with --json.
using System.Globalization;
using System.Text.Json.Nodes;
using Successor.Evaluation.Curriculum;
using Successor.Evaluation.Statistics;

namespace Successor.Cli.Commands.Curriculum;

public static class CurriculumReport
{
    public static void Print(bool json, IReadOnlyList<ItemResult> items,
        IReadOnlyList<(string Key, object? Value)> extra, ulong seed)
    {
        var slices = CurriculumEvaluator.Slices(items);
        var horizons = slices.GroupBy(s => s.Family)
            .Select(g => CapabilityHorizon.Fit(g.Key, [.. g.Select(s => (s.Difficulty, s.Correct, s.Count))],
                seed: seed))
            .ToList();
        var weak = WeaknessReport.Worst(items);
        double accuracy = items.Average(i => i.Correct ? 1.0 : 0.0);
        // a horizon is a number only inside the difficulties tested for its family; outside them, a bound
        int? Easiest(string family) => slices.Where(s => s.Family == family).Min(s => (int?)s.Difficulty);
        int? Hardest(string family) => slices.Where(s => s.Family == family).Max(s => (int?)s.Difficulty);
        Records.HorizonReading Reading(Evaluation.Statistics.Horizon h) =>
            Records.HorizonReading.Of(h.Value, h.Status, Easiest(h.Family), Hardest(h.Family));
        if (json)
        {
            var o = new JsonObject { ["accuracy"] = accuracy, ["items"] = items.Count };
            foreach (var (k, v) in extra) o[k] = JsonValue.Create(v);
            o["slices"] = new JsonArray([.. slices.Select(s => (JsonNode)new JsonObject
            {
                ["family"] = s.Family, ["difficulty"] = s.Difficulty, ["count"] = s.Count, ["correct"] = s.Correct,
                ["accuracy"] = s.Accuracy,
            })]);
            o["horizons"] = new JsonArray([.. horizons.Select(h => (JsonNode)new JsonObject
            {
                ["family"] = h.Family, ["horizon"] = h.Value, ["ci_low"] = h.Low, ["ci_high"] = h.High,
                ["status"] = h.Status, ["bound"] = Reading(h).Bound, ["edge"] = Reading(h).Edge,
            })]);
            o["weaknesses"] = new JsonArray([.. weak.Select(w => (JsonNode)new JsonObject
            {
                ["family"] = w.Slice.Family, ["difficulty"] = w.Slice.Difficulty, ["accuracy"] = w.Slice.Accuracy,
                ["failures"] = new JsonArray([.. w.Failures.Select(f => (JsonNode)new JsonObject
                    { ["prompt"] = f.Prompt, ["expected"] = f.Expected, ["output"] = f.Output })]),
            })]);
            Console.WriteLine(o.ToJsonString());
            return;
        }
        foreach (var s in slices)
            Console.WriteLine($"{s.Family} d={s.Difficulty}: {s.Correct}/{s.Count} = {s.Accuracy:0.0000}");
        foreach (var w in weak)
            foreach (var f in w.Failures)
                Console.WriteLine($"weak {w.Slice.Family} d={w.Slice.Difficulty} ({w.Slice.Accuracy:0.00}): " +
                    $"{f.Prompt}{f.Output} (expected {f.Expected})");
        Console.WriteLine($"accuracy: {F(accuracy)}");
        Console.WriteLine($"items: {items.Count}");
        foreach (var h in horizons)
            Console.WriteLine($"horizon_{h.Family}: " + Records.HorizonReading.WithInterval(h.Value, h.Low, h.High,
                h.Status, Easiest(h.Family), Hardest(h.Family)) + $" ({h.Status})");
        foreach (var (k, v) in extra) Console.WriteLine($"{k}: {v}");
    }

    static string F(double? v) => v is { } x ? x.ToString("0.####", CultureInfo.InvariantCulture) : "none";
}
