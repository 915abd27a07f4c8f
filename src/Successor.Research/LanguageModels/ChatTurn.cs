// One message of a conversation with a language model: "user" (the lab) or "assistant" (the model).
namespace Successor.Research.LanguageModels;

public sealed record ChatTurn(string Role, string Text)
{
    public static ChatTurn User(string text) => new("user", text);

    public static ChatTurn Assistant(string text) => new("assistant", text);
}
