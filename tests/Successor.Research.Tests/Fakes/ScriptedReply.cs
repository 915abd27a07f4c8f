// One answer the fake model server gives: a reply with text, or one of the ways a real server fails.
namespace Successor.Research.Tests.Fakes;

public enum ReplyKind { Text, Truncated, Refused, RateLimited, ServerError, Overloaded, Slow, Unauthorized }

public sealed record ScriptedReply(ReplyKind Kind, string Text = "", int DelayMilliseconds = 0)
{
    public static ScriptedReply Json(string text) => new(ReplyKind.Text, text);

    public static ScriptedReply Truncated(string text) => new(ReplyKind.Truncated, text);

    public static ScriptedReply Refusal => new(ReplyKind.Refused, "I can't help with that.");

    public static ScriptedReply RateLimit => new(ReplyKind.RateLimited);

    public static ScriptedReply ServerError => new(ReplyKind.ServerError);

    public static ScriptedReply Overloaded => new(ReplyKind.Overloaded);

    public static ScriptedReply Slow(int milliseconds, string text) => new(ReplyKind.Slow, text, milliseconds);
}
