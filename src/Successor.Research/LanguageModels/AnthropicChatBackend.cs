// Anthropic's messages protocol through Anthropic's own SDK. The SDK's own retries are off: the researcher paces
// retries itself, within its budget. This SDK version's request has no temperature: the model's default applies.
using Anthropic;
using Anthropic.Models.Messages;

namespace Successor.Research.LanguageModels;

public sealed class AnthropicChatBackend : IChatBackend
{
    readonly AnthropicClient client;
    readonly StatusProbe probe = new();
    readonly ChatSettings settings;

    public AnthropicChatBackend(ChatSettings settings, string key)
    {
        this.settings = settings;
        client = new AnthropicClient
        {
            ApiKey = key,
            BaseUrl = settings.BaseUrl ?? "https://api.anthropic.com",
            MaxRetries = 0,
            Timeout = Timeout.InfiniteTimeSpan,
            HttpClient = new HttpClient(probe) { Timeout = Timeout.InfiniteTimeSpan },
        };
    }

    public string Provider => ChatSettings.Anthropic;

    public string Model => settings.Model;

    public ChatReply Complete(ChatRequest request, CancellationToken cancel)
    {
        probe.Reset();
        var parameters = new MessageCreateParams
        {
            Model = settings.Model,
            MaxTokens = settings.MaxTokens,
            System = request.System,
            Messages = [.. request.Turns.Select(t => t.Role == "assistant"
                ? (MessageParam)new AssistantMessageParam(t.Text) : new UserMessageParam(t.Text))],
        };
        Message message;
        try { message = client.Messages.Create(parameters, cancel).GetAwaiter().GetResult(); }
        catch (Exception e) { throw ChatFailure.From(e, probe.LastStatus, cancel.IsCancellationRequested); }
        string text = string.Concat(message.Content.Select(b => b.TryPickText(out var t) ? t.Text : ""));
        string? reason = message.StopReason?.Raw();
        var stop = reason switch
        {
            "max_tokens" => ChatStop.Truncated,
            "refusal" => ChatStop.Refused,
            _ => ChatStop.Complete,
        };
        return new(text, message.Usage.InputTokens, message.Usage.OutputTokens, stop);
    }
}
