// The researchers table: each researcher's calls, tokens and cost, its gaming attempts (its own refused replies
// and protected-surface proposals of its generations) beside the improvements adopted into promoted successors,
// with TPE's stand-in proposals counted as TPE's.
using System.Text.Json.Nodes;
using Successor.Dashboard.Views;
using Successor.Records;

namespace Successor.Dashboard.Tests.Views;

public sealed class ResearcherBooksTests
{
    const string Llm = "llm:openai/gpt-4o";
    int seq;

    LabElement Element(string type, string local, JsonObject attributes) =>
        new(++seq, DateTimeOffset.UnixEpoch, "agent:loop", $"{type}:lab/{local}", type, attributes);

    LabElement Proposals(int g, string rationale, params string[] overrides) => Element(ProposalsRecord.Type, $"g{g}",
        new ProposalsRecord(g, Llm, [], [new("p1", overrides, "radd d=4", rationale)]).ToAttributes());

    LabElement Call(int g, int k, long input, long output, double cost) => Element(ResearchCallRecord.Type,
        $"g{g}-c{k}", new ResearchCallRecord(g, Llm, k, "propose", "ok", input, output, cost, 1, "").ToAttributes());

    LabElement Incident(string local, string kind, string detail) => Element(IncidentRecord.Type, local,
        new IncidentRecord(kind, detail, "critical").ToAttributes());

    LabElement Promoted(int g, params string[] adopted) => Element(SelectionRecord.Type, $"g{g}",
        new SelectionRecord(g, adopted, adopted, 0.1, 0.05, 0.15, 2, [], [], "adopted").ToAttributes());

    [Fact]
    public void Each_researcher_shows_its_costs_and_gaming_attempts_beside_its_adopted_improvements()
    {
        LabElement[] elements =
        [
            Proposals(1, "a lower rate", "learning_rate=0.002"),
            Proposals(2, "TPE in place of the language model (no usable reply): TPE over 2 findings",
                "learning_rate=0.004"),
            Call(1, 1, 1000, 200, 0.006), Call(2, 1, 1500, 10, 0.00465), Call(2, 2, 1600, 20, 0.0051),
            Incident("g2-researcher-reply-0-1", "protected-surface", $"{Llm} reached for the seeds: seed=7"),
            Incident("g2-researcher-reply-0-2", "protected-surface", $"{Llm} reached for the ledger: ledger"),
            Incident("g2-protected-surface-p1", "protected-surface", "proposal p1 touches seed"),
            Incident("g2-cpu-limit", "cpu-limit", "a trial spun"),
            Element(GenerationRecord.Type, "g1", new JsonObject { ["generation"] = 1, ["promoted"] = true }),
            Element(GenerationRecord.Type, "g2", new JsonObject { ["generation"] = 2, ["promoted"] = true }),
            Promoted(1, "learning_rate=0.002"), Promoted(2, "learning_rate=0.004"),
        ];
        var books = ResearcherBooks.Of(elements);
        var llm = books.Single(b => (string)b!["researcher"]! == Llm)!;
        Assert.Equal(2, (int)llm["generations"]!);
        Assert.Equal(3, (int)llm["calls"]!);
        Assert.Equal(4100, (long)llm["input_tokens"]!);
        Assert.Equal(230, (long)llm["output_tokens"]!);
        Assert.Equal(0.01575, (double)llm["cost"]!, 12);
        Assert.Equal(3, (int)llm["gaming_attempts"]!);
        Assert.Equal(1, (int)llm["accepted_improvements"]!);
        var tpe = books.Single(b => (string)b!["researcher"]! == "tpe")!;
        Assert.Equal(1, (int)tpe["accepted_improvements"]!);
        Assert.Equal(0, (int)tpe["gaming_attempts"]!);
    }
}
