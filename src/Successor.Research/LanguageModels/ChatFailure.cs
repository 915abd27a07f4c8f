// A call to a model's server that gave no reply, with the kind of failure and the server's own words.
namespace Successor.Research.LanguageModels;

public sealed class ChatFailure(ChatFailureKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public ChatFailureKind Kind { get; } = kind;

    public bool Retryable => Kind != ChatFailureKind.Rejected;

    /// <summary>The failure an exception from an SDK call stands for, read from the HTTP status the server gave
    /// (`status`, 0 when none came back) rather than from each SDK's own exception types.</summary>
    public static ChatFailure From(Exception e, int status, bool timedOut) => e switch
    {
        ChatFailure f => f,
        _ when timedOut => new(ChatFailureKind.Timeout, "no reply within the time limit", e),
        _ when status == 429 => new(ChatFailureKind.RateLimited, "rate limited (HTTP 429)", e),
        _ when status is 408 => new(ChatFailureKind.Timeout, "the server timed out (HTTP 408)", e),
        _ when status >= 500 => new(ChatFailureKind.ServerError, $"server error (HTTP {status})", e),
        _ when status >= 400 => new(ChatFailureKind.Rejected, $"request rejected (HTTP {status}): {Short(e)}", e),
        _ => new(ChatFailureKind.Unreachable, $"no answer from the server: {Short(e)}", e),
    };

    static string Short(Exception e)
    {
        string m = e.Message.ReplaceLineEndings(" ");
        return m.Length > 200 ? m[..200] + "…" : m;
    }
}
