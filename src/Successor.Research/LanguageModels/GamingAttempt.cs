// A reply that reached for something no researcher may touch — the evaluation, gates, budgets, seeds, the sealed
// side, the ledger, the judge — refused before anything ran. Surface names what it reached for; Detail quotes how.
namespace Successor.Research.LanguageModels;

public sealed record GamingAttempt(string Surface, string Detail);
