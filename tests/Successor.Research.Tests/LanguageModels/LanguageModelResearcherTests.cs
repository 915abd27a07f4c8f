// The researcher against the fake server of either protocol: failures retried then TPE, hostile replies refused and
// accounted, a broken plug-in repaired, the spending cap kept, and its accounts equal to what the server billed.
using Successor.Research.LanguageModels;
using Successor.Research.Tests.Fakes;

namespace Successor.Research.Tests.LanguageModels;

public sealed class LanguageModelResearcherTests
{
    public static TheoryData<string> Providers => [ChatSettings.OpenAi, ChatSettings.Anthropic];

    static void AccountsMatch(ResearchRound round, FakeModelServer server)
    {
        Assert.Equal(server.Calls, round.Calls.Count);
        Assert.Equal(server.BilledInputTokens, round.InputTokens);
        Assert.Equal(server.BilledOutputTokens, round.OutputTokens);
        Assert.Equal(server.Billed(Lab.InputPrice, Lab.OutputPrice), round.Cost, 12);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Garbage_of_every_kind_is_retried_then_the_generation_falls_back_to_TPE(string provider)
    {
        var garbage = ModelScripts.Garbage(slowMilliseconds: 3000);
        using var server = new FakeModelServer(garbage.Select(g => g.Reply));
        var round = Lab.Researcher(Lab.Settings(provider, server, attempts: garbage.Count, timeoutSeconds: 1))
            .Research(Lab.Context(), 2);
        Assert.Equal(garbage.Count, round.Calls.Count);
        Assert.Equal(["malformed", "malformed", "truncated", "malformed", "malformed", "malformed", "malformed",
            "malformed", "malformed", "malformed", "malformed", "refused", "rate-limited", "server-error",
            "server-error", "timeout"], round.Calls.Select(c => c.Outcome));
        Assert.Empty(round.Gaming);
        Assert.NotNull(round.Fallback);
        Assert.Equal(2, round.Proposals.Count);
        Assert.All(round.Proposals, p => Assert.StartsWith("TPE in place of the language model", p.Rationale));
        AccountsMatch(round, server);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_good_reply_after_a_rate_limit_and_a_server_error_is_used(string provider)
    {
        using var server = new FakeModelServer(
            [ScriptedReply.RateLimit, ScriptedReply.ServerError, ScriptedReply.Json(ModelScripts.Good)]);
        var round = Lab.Researcher(Lab.Settings(provider, server)).Research(Lab.Context(), 2);
        Assert.Equal(["rate-limited", "server-error", "ok"], round.Calls.Select(c => c.Outcome));
        Assert.Null(round.Fallback);
        Assert.Equal(["p1", "p2"], round.Proposals.Select(p => p.Id));
        Assert.Equal("a lower peak rate steadies the hardest slice", round.Proposals[0].Rationale);
        AccountsMatch(round, server);
    }

    [Fact]
    public void A_malformed_reply_goes_back_to_the_model_with_what_was_wrong()
    {
        using var server = new FakeModelServer([ScriptedReply.Json(ModelScripts.Reply(
            ModelScripts.Change("x", "learning_rate=banana"))), ScriptedReply.Json(ModelScripts.Good)]);
        var round = Lab.Researcher(Lab.Settings(ChatSettings.OpenAi, server)).Research(Lab.Context(), 2);
        Assert.Equal(["malformed", "ok"], round.Calls.Select(c => c.Outcome));
        string second = server.Prompt(1);
        Assert.Contains("learning_rate=banana", second);
        Assert.Contains("proposals[1].overrides", second);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Hostile_replies_are_refused_accounted_and_never_proposed(string provider)
    {
        var hostile = ModelScripts.Hostile;
        using var server = new FakeModelServer(hostile.Select(h => ScriptedReply.Json(h.Reply)));
        var round = Lab.Researcher(Lab.Settings(provider, server, attempts: hostile.Count), new CompilerDouble())
            .Research(Lab.Context(), 2);
        Assert.Equal(Enumerable.Repeat("gaming", hostile.Count), round.Calls.Select(c => c.Outcome));
        Assert.True(round.Gaming.Count >= hostile.Count);
        foreach (var (kind, _, surface) in hostile)
            Assert.True(round.Gaming.Any(g => g.Surface.Contains(surface, StringComparison.Ordinal)), kind);
        Assert.All(round.Proposals, p =>
        {
            Assert.StartsWith("TPE in place", p.Rationale);
            Assert.Empty(p.Plugins);
            Assert.All(p.Overrides, o => Assert.Null(ReplyScreen.Override(o.Split('=')[0], o.Split('=')[1])));
        });
        AccountsMatch(round, server);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_plugin_that_does_not_compile_is_repaired_once_and_accepted(string provider)
    {
        using var server = new FakeModelServer([
            ScriptedReply.Json(ModelScripts.Reply(ModelScripts.WithPlugin(ModelScripts.BrokenPlugin,
                "learning_rate=0.002"))),
            ScriptedReply.Json(ModelScripts.Reply(ModelScripts.WithPlugin(ModelScripts.RepairedPlugin,
                "learning_rate=0.002"))),
        ]);
        var compiler = new CompilerDouble();
        var round = Lab.Researcher(Lab.Settings(provider, server), compiler).Research(Lab.Context(), 1);
        Assert.Equal(1, round.Repairs);
        Assert.Equal(["propose", "repair p1"], round.Calls.Select(c => c.Purpose));
        Assert.Equal([ModelScripts.BrokenPlugin, ModelScripts.RepairedPlugin], compiler.Compiled.Select(p => p.Source));
        var accepted = Assert.Single(round.Proposals);
        Assert.Equal(ModelScripts.RepairedPlugin, Assert.Single(accepted.Plugins).Source);
        // the accepted plug-in travels to the trials as its point's recipe key, set to the hash it compiled to
        Assert.Equal(["learning_rate=0.002", $"{ModelScripts.Point}_plugin={compiler.Hashes[^1]}"], accepted.Overrides);
        Assert.Null(round.Fallback);
        // the compiler's message went back to the model, quoted as data
        Assert.Contains("error CS1002: ; expected", server.Prompt(1));
        AccountsMatch(round, server);
    }

    [Fact]
    public void A_plugin_that_stays_broken_is_dropped_after_the_repairs_allowed()
    {
        string broken = ModelScripts.Reply(ModelScripts.WithPlugin(ModelScripts.BrokenPlugin));
        using var server = new FakeModelServer([], whenDone: ScriptedReply.Json(broken));
        var compiler = new CompilerDouble();
        var round = Lab.Researcher(Lab.Settings(ChatSettings.OpenAi, server), compiler).Research(Lab.Context(), 1);
        Assert.Equal(2, round.Repairs);
        Assert.Equal(3, compiler.Compiled.Count);
        Assert.StartsWith("TPE in place", Assert.Single(round.Proposals).Rationale);
    }

    [Fact]
    public void Without_a_compiler_no_plugin_is_accepted()
    {
        using var server = new FakeModelServer([], whenDone: ScriptedReply.Json(
            ModelScripts.Reply(ModelScripts.WithPlugin(ModelScripts.RepairedPlugin))));
        var round = Lab.Researcher(Lab.Settings(ChatSettings.OpenAi, server)).Research(Lab.Context(), 1);
        Assert.All(round.Calls, c => Assert.Equal("malformed", c.Outcome));
        Assert.DoesNotContain(ModelScripts.Point, server.Prompt(0).Split("extension_points")[1].Split(']')[0]);
        Assert.Empty(Assert.Single(round.Proposals).Plugins);
    }

    [Fact]
    public void The_generation_cap_stops_the_calls_and_TPE_fills_in()
    {
        using var server = new FakeModelServer([], whenDone: ScriptedReply.Json("no JSON here"));
        // one call of a few thousand input tokens at 3 per million costs about a cent: the cap is a tenth of that
        var round = Lab.Researcher(Lab.Settings(ChatSettings.Anthropic, server, attempts: 5, generationCap: 0.001))
            .Research(Lab.Context(), 2);
        Assert.Single(round.Calls);
        Assert.True(round.Cost > 0.001);
        Assert.Contains("spending cap", round.Fallback);
        Assert.Equal(2, round.Proposals.Count);
    }

    [Fact]
    public void A_rejected_request_is_not_tried_again()
    {
        using var server = new FakeModelServer([new ScriptedReply(ReplyKind.Unauthorized)],
            whenDone: ScriptedReply.Json(ModelScripts.Good));
        var round = Lab.Researcher(Lab.Settings(ChatSettings.Anthropic, server, attempts: 3))
            .Research(Lab.Context(), 2);
        Assert.Equal(["rejected"], round.Calls.Select(c => c.Outcome));
        Assert.Contains("HTTP 401", round.Fallback);
        Assert.Equal(2, round.Proposals.Count);
    }

    [Fact]
    public void No_money_left_in_the_lab_means_no_call_at_all()
    {
        using var server = new FakeModelServer([ScriptedReply.Json(ModelScripts.Good)]);
        var round = Lab.Researcher(Lab.Settings(ChatSettings.OpenAi, server))
            .Research(Lab.Context() with { Budget = new ResearchBudget(2, null, 0) }, 2);
        Assert.Equal(0, server.Calls);
        Assert.Empty(round.Calls);
        Assert.Equal(2, round.Proposals.Count);
    }
}
