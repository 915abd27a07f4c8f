// Each researcher of a lab side by side: what its calls cost (tokens, money), how often it reached for a protected
// surface (protected-surface incidents), and how many of its changes were adopted into a promoted successor — gaming
// measured beside improvement, not assumed away. Proposals TPE made in place of a language model count as TPE's.
using System.Text.Json.Nodes;
using Successor.Records;

namespace Successor.Dashboard.Views;

public static class ResearcherBooks
{
    const string Fallback = "TPE in place of the language model";

    public static JsonArray Of(IReadOnlyList<LabElement> elements)
    {
        var proposals = LabRecords.Read(elements, ProposalsRecord.Type, ProposalsRecord.From)
            .ToDictionary(e => e.Record.Generation, e => e.Record);
        var calls = LabRecords.Read(elements, ResearchCallRecord.Type, ResearchCallRecord.From)
            .Select(e => e.Record).ToList();
        var incidents = LabRecords.Read(elements, IncidentRecord.Type, IncidentRecord.From);
        var promoted = LabRecords.Read(elements, GenerationRecord.Type, GenerationRecord.From)
            .Where(e => e.Record.Promoted && e.Record.Generation > 0).Select(e => e.Record.Generation).ToHashSet();
        var adopted = LabRecords.Read(elements, SelectionRecord.Type, SelectionRecord.From)
            .Where(e => promoted.Contains(e.Record.Generation) && e.Record.Adopted.Count > 0)
            .Select(e => AdoptedFrom(proposals.GetValueOrDefault(e.Record.Generation), e.Record.Adopted))
            .OfType<string>().ToList();
        var names = proposals.Values.Select(p => p.Researcher).Concat(calls.Select(c => c.Researcher))
            .Concat(adopted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. names.Select(name => (JsonNode)new JsonObject
        {
            ["researcher"] = name,
            ["generations"] = proposals.Values.Count(p => p.Researcher == name),
            ["calls"] = calls.Count(c => c.Researcher == name),
            ["input_tokens"] = calls.Where(c => c.Researcher == name).Sum(c => c.InputTokens),
            ["output_tokens"] = calls.Where(c => c.Researcher == name).Sum(c => c.OutputTokens),
            ["cost"] = calls.Where(c => c.Researcher == name).Sum(c => c.Cost),
            ["gaming_attempts"] = incidents.Count(i => Gaming(i, name, proposals)),
            ["accepted_improvements"] = adopted.Count(a => a == name),
        })];
    }

    /// <summary>Who proposed the adopted overrides of a promoted generation: its researcher, or TPE when TPE filled
    /// in for a language model; null when no proposal of the record matches.</summary>
    static string? AdoptedFrom(ProposalsRecord? record, IReadOnlyList<string> adopted)
    {
        var entry = record?.Proposals.FirstOrDefault(p => p.Overrides.SequenceEqual(adopted));
        if (record is null || entry is null) return null;
        return entry.Rationale.StartsWith(Fallback, StringComparison.Ordinal) ? "tpe" : record.Researcher;
    }

    /// <summary>A refused attempt on a protected surface: a language model's reply (its incident names it) or a
    /// proposal of a generation it proposed for.</summary>
    static bool Gaming(Recorded<IncidentRecord> i, string name, Dictionary<int, ProposalsRecord> proposals) =>
        i.Record.Kind == "protected-surface" && (i.Record.Detail.StartsWith(name + " ", StringComparison.Ordinal)
            || Generation(i.Local) is { } g && proposals.GetValueOrDefault(g)?.Researcher == name);

    static int? Generation(string local) =>
        local.StartsWith('g') && int.TryParse(local[1..local.IndexOf('-', StringComparison.Ordinal)], out int g)
            ? g : null;
}
