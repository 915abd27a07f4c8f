// A whole lab, through the real executable, with a language model as its researcher on the fake server: the good
// researcher's changes are trained and measured in the first generation; in the second, garbage and every kind of
// hostile reply are refused and recorded, TPE fills in and the lab completes; and the lab's cost ledger adds up to
// what the server billed.
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Records;
using Successor.Research.Tests.Fakes;

namespace Successor.Cli.Tests;

public sealed class LanguageModelLabTests
{
    const string KeyVariable = "SUCCESSOR_TEST_LAB_MODEL_KEY", Key = "lab-test-key-93c1";

    [Fact]
    public void A_lab_survives_garbage_and_hostile_replies_on_TPE_records_every_attempt_and_bills_what_the_server_did()
    {
        var garbage = ModelScripts.Garbage(slowMilliseconds: 3000).Where(g => g.Name != "timeout").Take(6).ToList();
        var hostile = ModelScripts.Hostile;
        int attempts = garbage.Count + hostile.Count;
        using var server = new FakeModelServer(
            [ScriptedReply.Json(ModelScripts.Good), .. garbage.Select(g => g.Reply),
                .. hostile.Select(h => ScriptedReply.Json(h.Reply))],
            whenDone: ScriptedReply.Json("nothing more to say"));
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        using var lab = new LabFolder(LabFolder.Tiny.Replace("\"research\": { \"proposals\": 2 }", $$"""
            "research": { "proposals": 2, "strategy": "llm",
              "language_model": { "provider": "openai", "model": "gpt-4o", "base_url": "{{server.OpenAiBase}}",
                "key_variable": "{{KeyVariable}}", "max_attempts": {{attempts}}, "retry_delay_seconds": 0.001,
                "input_price": 3, "output_price": 15 } },
            "gates": { "incidents": false }
            """));
        var run = lab.Succeed("run");

        // generation 1: the model's own two changes were trained against the control
        Assert.Equal(1 + attempts, server.Calls);
        var proposals = Proposals(lab);
        Assert.Equal("llm:openai/gpt-4o", proposals[0].Researcher);
        Assert.Equal(["learning_rate=0.002", "min_learning_rate=0.0002"], proposals[0].Proposals[0].Overrides);
        Assert.Contains(lab.RecordedTrials(), t => t.EndsWith("g1-r0-p1", StringComparison.Ordinal));
        // generation 2: nothing the model said stood; TPE proposed, and the model was shown its earlier proposals
        Assert.All(proposals[1].Proposals, p => Assert.StartsWith("TPE in place of the language model", p.Rationale));
        Assert.Contains("a lower peak rate steadies the hardest slice", server.Prompt(1));

        // every hostile kind is an incident naming what it reached for; no trial ran a protected change
        var incidents = lab.Incidents().Where(i => i.Kind == "protected-surface"
            && i.Detail.StartsWith("llm:openai/gpt-4o reached for", StringComparison.Ordinal)).ToList();
        foreach (var (kind, _, surface) in hostile)
            Assert.True(incidents.Any(i => i.Detail.Contains(surface, StringComparison.Ordinal)), kind);
        Assert.True(incidents.Count >= hostile.Count);
        Assert.All(lab.Incidents().Where(i => i.Kind == "protected-surface"), i => Assert.Contains(i, incidents));
        foreach (var entry in proposals.SelectMany(p => p.Proposals))
            Assert.Null(Successor.Safety.Gates.ProtectedSurface.Touched(entry.Overrides));

        // the cost ledger adds up to what the server billed, call by call; the key is nowhere in the ledger
        var calls = Calls(lab);
        Assert.Equal(server.Calls, calls.Count);
        Assert.Equal(server.BilledInputTokens, calls.Sum(c => c.InputTokens));
        Assert.Equal(server.BilledOutputTokens, calls.Sum(c => c.OutputTokens));
        Assert.Equal(server.Billed(3, 15), calls.Sum(c => c.Cost), 9);
        Assert.Equal(hostile.Count, calls.Count(c => c.Outcome == "gaming"));
        Assert.DoesNotContain(Key, File.ReadAllText(lab.Ledger));
        Assert.DoesNotContain(Key, run.Stdout + run.Stderr);
    }

    [Fact]
    public void Reaching_the_labs_research_cap_is_a_gate_that_pauses_the_lab_not_a_crash()
    {
        using var server = new FakeModelServer([], whenDone: ScriptedReply.Json(ModelScripts.Good));
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        using var lab = new LabFolder(LabFolder.Tiny.Replace("\"research\": { \"proposals\": 2 }", $$"""
            "research": { "proposals": 2, "strategy": "llm",
              "language_model": { "provider": "anthropic", "model": "claude-sonnet-4-5",
                "base_url": "{{server.AnthropicBase}}", "key_variable": "{{KeyVariable}}",
                "input_price": 3, "output_price": 15, "lab_cap": 0.001 } }
            """));
        var paused = SuccessorProcess.Run(lab.Args("run"));
        Assert.True(paused.ExitCode == 4, $"expected a pause at the research-spend gate (exit 4): {paused.Stderr}");
        // the first generation's one call spent the cap; the second waits for a person before it calls again
        Assert.Equal(1, server.Calls);
        using var ledger = LedgerStore.Open(lab.Ledger);
        var request = Assert.Single(new Successor.Safety.Gates.Gatekeeper(ledger).Pending("tiny"));
        Assert.Equal("request:tiny/research-spend-1", request.Id);
        Assert.Equal("research-spend", request.Gate);
        Assert.Contains("llm:anthropic/claude-sonnet-4-5 has spent", request.Summary);
    }

    static List<ProposalsRecord> Proposals(LabFolder lab) => [.. Elements(lab, ProposalsRecord.Type)
        .Select(ProposalsRecord.From).OrderBy(p => p.Generation)];

    static List<ResearchCallRecord> Calls(LabFolder lab) =>
        [.. Elements(lab, ResearchCallRecord.Type).Select(ResearchCallRecord.From)];

    static IEnumerable<System.Text.Json.Nodes.JsonObject> Elements(LabFolder lab, string type)
    {
        using var ledger = LedgerStore.Open(lab.Ledger);
        return [.. ledger.Read().Select(r => r.Parse().Statement)
            .Where(s => s.Kind == ProvKind.Entity && s.Type == type).Select(s => s.Attributes!)];
    }
}
