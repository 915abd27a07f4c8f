// The OpenAI chat-completions protocol through OpenAI's own SDK, at any base URL: OpenAI itself, or a server that
// speaks the same protocol (vLLM, Ollama, llama.cpp's server). The SDK's own retries are off: the researcher
// paces retries itself, within its budget.
using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace Successor.Research.LanguageModels;

public sealed class OpenAiChatBackend : IChatBackend
{
    readonly ChatClient client;
    readonly StatusProbe probe = new();
    readonly ChatSettings settings;

    public OpenAiChatBackend(ChatSettings settings, string key)
    {
        this.settings = settings;
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.BaseUrl ?? "https://api.openai.com/v1"),
            RetryPolicy = new ClientRetryPolicy(0),
            Transport = new HttpClientPipelineTransport(new HttpClient(probe) { Timeout = Timeout.InfiniteTimeSpan }),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        client = new ChatClient(settings.Model, new ApiKeyCredential(key), options);
    }

    public string Provider => ChatSettings.OpenAi;

    public string Model => settings.Model;

    public ChatReply Complete(ChatRequest request, CancellationToken cancel)
    {
        probe.Reset();
        List<ChatMessage> messages = [new SystemChatMessage(request.System)];
        messages.AddRange(request.Turns.Select(t => t.Role == "assistant"
            ? (ChatMessage)new AssistantChatMessage(t.Text) : new UserChatMessage(t.Text)));
        var options = new ChatCompletionOptions
        {
            Temperature = (float)settings.Temperature, MaxOutputTokenCount = settings.MaxTokens,
        };
        ChatCompletion completion;
        try { completion = client.CompleteChat(messages, options, cancel).Value; }
        catch (Exception e) { throw ChatFailure.From(e, probe.LastStatus, cancel.IsCancellationRequested); }
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
