// How a language-model researcher works: whom it talks to, what that costs, how often it tries before the
// generation falls back to TPE, how long it waits between tries, how many plug-in repairs it may ask for, and
// the most it may spend in one generation.
namespace Successor.Research.LanguageModels;

public sealed record LanguageModelSettings(ChatSettings Chat, Pricing Prices, int MaxAttempts = 3,
    double RetryDelaySeconds = 2, int MaxRepairs = 2, double GenerationCap = 0)
{
    /// <summary>The researcher's name in the ledger and on the dashboard: "llm:provider/model".</summary>
    public string Name => $"llm:{Chat.Provider}/{Chat.Model}";
}
