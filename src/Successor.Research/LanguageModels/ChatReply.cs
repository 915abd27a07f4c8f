// A model's answer with the usage its server billed for it.
namespace Successor.Research.LanguageModels;

public sealed record ChatReply(string Text, long InputTokens, long OutputTokens, ChatStop Stop);
