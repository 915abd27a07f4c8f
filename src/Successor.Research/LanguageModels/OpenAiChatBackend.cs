// The OpenAI chat-completions protocol through OpenAI's own SDK, at any base URL: OpenAI itself, or a server that
// speaks the same protocol (vLLM, Ollama, llama.cpp's server). The SDK's own retries are off: the researcher
// paces retries itself, within its budget.
using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace Successor.Research.LanguageModels;

public sealed class OpenAiChatBackend : ChatBackend<ChatCompletion>
{
    readonly ChatClient client;

    public OpenAiChatBackend(ChatSettings settings, string key) : base(settings) =>
        client = new ChatClient(settings.Model, new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.BaseUrl ?? "https://api.openai.com/v1"),
            RetryPolicy = new ClientRetryPolicy(0),
            Transport = new HttpClientPipelineTransport(ProbedHttpClient()),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        });

    public override string Provider => ChatSettings.OpenAi;

    protected override ChatCompletion Send(ChatRequest request, CancellationToken cancel)
    {
        List<ChatMessage> messages = [new SystemChatMessage(request.System)];
        messages.AddRange(request.Turns.Select(t => t.Role == "assistant"
            ? (ChatMessage)new AssistantChatMessage(t.Text) : new UserChatMessage(t.Text)));
        var options = new ChatCompletionOptions
        {
            Temperature = (float)Settings.Temperature, MaxOutputTokenCount = Settings.MaxTokens,
        };
        return client.CompleteChat(messages, options, cancel).Value;
    }

    protected override ChatReply Read(ChatCompletion completion)
    {
        string text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text)
            .Select(p => p.Text));
        var stop = completion.FinishReason switch
        {
            ChatFinishReason.Length => ChatStop.Truncated,
            ChatFinishReason.ContentFilter => ChatStop.Refused,
            _ when !string.IsNullOrEmpty(completion.Refusal) => ChatStop.Refused,
            _ => ChatStop.Complete,
        };
        return new(text, completion.Usage?.InputTokenCount ?? 0, completion.Usage?.OutputTokenCount ?? 0, stop);
    }
}
