// One provider's wire protocol behind one call: a request in, a reply with its billed usage out, or a
// ChatFailure. Retries, budgets and parsing are the researcher's, not the backend's.
namespace Successor.Research.LanguageModels;

public interface IChatBackend
{
    /// <summary>"openai" or "anthropic": which protocol this backend speaks.</summary>
    string Provider { get; }

    string Model { get; }

    ChatReply Complete(ChatRequest request, CancellationToken cancel);
}
