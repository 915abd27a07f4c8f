// What a reply said, once read against the schema and screened: the proposals that passed, what was wrong with
// the rest (sent back to the model on the next try), and the attempts on protected surfaces.
namespace Successor.Research.LanguageModels;

public sealed record ReplyReading(IReadOnlyList<Proposal> Proposals, IReadOnlyList<string> Problems,
    IReadOnlyList<GamingAttempt> Gaming);
