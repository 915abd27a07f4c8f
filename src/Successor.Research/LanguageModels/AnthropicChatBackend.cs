// Anthropic's messages protocol through Anthropic's own SDK. The SDK's own retries are off: the researcher paces
// retries itself, within its budget. This SDK version's request has no temperature: the model's default applies.
using Anthropic;
using Anthropic.Models.Messages;

namespace Successor.Research.LanguageModels;

public sealed class AnthropicChatBackend : ChatBackend<Message>
{
    readonly AnthropicClient client;

    public AnthropicChatBackend(ChatSettings settings, string key) : base(settings) =>
        client = new AnthropicClient
        {
            ApiKey = key,
            BaseUrl = settings.BaseUrl ?? "https://api.anthropic.com",
            MaxRetries = 0,
            Timeout = Timeout.InfiniteTimeSpan,
            HttpClient = ProbedHttpClient(),
        };

    public override string Provider => ChatSettings.Anthropic;

    protected override Message Send(ChatRequest request, CancellationToken cancel)
    {
        var parameters = new MessageCreateParams
        {
            Model = Settings.Model,
            MaxTokens = Settings.MaxTokens,
            System = request.System,
            Messages = [.. request.Turns.Select(t => t.Role == "assistant"
                ? (MessageParam)new AssistantMessageParam(t.Text) : new UserMessageParam(t.Text))],
        };
        return client.Messages.Create(parameters, cancel).GetAwaiter().GetResult();
    }

    protected override ChatReply Read(Message message)
    {
        string text = string.Concat(message.Content.Select(b => b.TryPickText(out var t) ? t.Text : ""));
        var stop = message.StopReason?.Raw() switch
        {
            "max_tokens" => ChatStop.Truncated,
            "refusal" => ChatStop.Refused,
            _ => ChatStop.Complete,
        };
        return new(text, message.Usage.InputTokens, message.Usage.OutputTokens, stop);
    }
}
