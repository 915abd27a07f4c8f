// Both wire protocols through their official SDKs against the fake server: replies and billed usage come through,
// the key comes from the named environment variable, and every way a server fails is told apart.
using Successor.Research.LanguageModels;
using Successor.Research.Tests.Fakes;

namespace Successor.Research.Tests.LanguageModels;

public sealed class ChatBackendTests
{
    public static TheoryData<string> Providers => [ChatSettings.OpenAi, ChatSettings.Anthropic];

    static ChatRequest Hello => new("You are terse.", [ChatTurn.User("Say hello.")]);

    static IChatBackend Backend(string provider, FakeModelServer server)
    {
        Environment.SetEnvironmentVariable(Lab.KeyVariable, Lab.Key);
        return Lab.Settings(provider, server).Chat.Connect();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_reply_and_the_usage_its_server_billed_come_through(string provider)
    {
        using var server = new FakeModelServer([ScriptedReply.Json("hello there, researcher")]);
        var reply = Backend(provider, server).Complete(Hello, CancellationToken.None);
        Assert.Equal("hello there, researcher", reply.Text);
        Assert.Equal(ChatStop.Complete, reply.Stop);
        Assert.Equal(server.BilledInputTokens, reply.InputTokens);
        Assert.Equal(server.BilledOutputTokens, reply.OutputTokens);
        Assert.True(reply.InputTokens > 0 && reply.OutputTokens > 0);
        var (path, body, key) = Assert.Single(server.Requests);
        Assert.EndsWith(provider == ChatSettings.Anthropic ? "/v1/messages" : "/v1/chat/completions", path);
        Assert.Equal(Lab.Key, key);
        Assert.Contains("Say hello.", body);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Refusals_and_cut_off_replies_are_told_apart_from_complete_ones(string provider)
    {
        using var server = new FakeModelServer([ScriptedReply.Refusal, ScriptedReply.Truncated("{\"propos")]);
        var backend = Backend(provider, server);
        Assert.Equal(ChatStop.Refused, backend.Complete(Hello, CancellationToken.None).Stop);
        var cut = backend.Complete(Hello, CancellationToken.None);
        Assert.Equal(ChatStop.Truncated, cut.Stop);
        Assert.Equal("{\"propos", cut.Text);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_failure_of_the_server_is_classified_by_what_it_said(string provider)
    {
        using var server = new FakeModelServer([ScriptedReply.RateLimit, ScriptedReply.ServerError,
            new ScriptedReply(ReplyKind.Unauthorized)]);
        var backend = Backend(provider, server);
        ChatFailureKind Kind() =>
            Assert.Throws<ChatFailure>(() => backend.Complete(Hello, CancellationToken.None)).Kind;
        Assert.Equal(ChatFailureKind.RateLimited, Kind());
        Assert.Equal(ChatFailureKind.ServerError, Kind());
        Assert.Equal(ChatFailureKind.Rejected, Kind());
        Assert.Equal(0, server.BilledInputTokens);
    }

    [Fact]
    public void A_server_that_is_not_there_is_unreachable_not_a_crash()
    {
        int port;
        using (var gone = new FakeModelServer([])) port = gone.Port;
        var settings = new ChatSettings(ChatSettings.OpenAi, "gpt-4o", $"http://127.0.0.1:{port}/v1");
        var e = Assert.Throws<ChatFailure>(() => settings.Connect().Complete(Hello, CancellationToken.None));
        Assert.Equal(ChatFailureKind.Unreachable, e.Kind);
        Assert.True(e.Retryable);
    }

    [Fact]
    public void A_key_variable_that_is_not_set_is_one_line_naming_it()
    {
        var settings = new ChatSettings(ChatSettings.Anthropic, "claude", KeyVariable: "SUCCESSOR_TEST_UNSET_KEY");
        var e = Assert.Throws<ArgumentException>(settings.Connect);
        Assert.Contains("SUCCESSOR_TEST_UNSET_KEY", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
