// Which model a researcher talks to and how: the provider's protocol, the model, the server's base URL, the NAME
// of the environment variable that holds the key (the key itself is never written to lab.json, the ledger or a
// log), sampling temperature, the reply's token limit and how long one call may take.
namespace Successor.Research.LanguageModels;

public sealed record ChatSettings(string Provider, string Model, string? BaseUrl = null, string? KeyVariable = null,
    double Temperature = 0.7, int MaxTokens = 4096, double TimeoutSeconds = 120)
{
    public const string OpenAi = "openai", Anthropic = "anthropic";

    public static IReadOnlyList<string> Providers => [OpenAi, Anthropic];

    /// <summary>The backend for these settings, with the key read from the environment now. A server that needs
    /// no key (a local Ollama, vLLM or llama.cpp) is reached with key_variable left empty.</summary>
    public IChatBackend Connect()
    {
        string key = "no-key";
        if (!string.IsNullOrEmpty(KeyVariable))
            key = Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } k ? k
                : throw new ArgumentException($"research.language_model.key_variable names {KeyVariable}, which is not "
                    + "set in the environment; export it with the provider's key, or leave key_variable empty for a "
                    + "server that needs none");
        return Provider switch
        {
            OpenAi => new OpenAiChatBackend(this, key),
            Anthropic => new AnthropicChatBackend(this, key),
            _ => throw new ArgumentException(
                $"research.language_model.provider is \"{Provider}\"; use one of {string.Join(", ", Providers)}"),
        };
    }
}
