// One call to a model's server, as the ledger records it: which attempt of the generation it was, what came back
// ("ok", "malformed", "truncated", "refused", "gaming", "rate-limited", "timeout", …), the tokens the server
// billed and what they cost, how long it took, and a short note.
namespace Successor.Research.LanguageModels;

public sealed record ResearchCall(int Attempt, string Purpose, string Outcome, long InputTokens, long OutputTokens,
    double Cost, double Seconds, string Detail);
