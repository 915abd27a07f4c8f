// What the lab sends a language model: the standing instructions and the conversation so far.
namespace Successor.Research.LanguageModels;

public sealed record ChatRequest(string System, IReadOnlyList<ChatTurn> Turns);
