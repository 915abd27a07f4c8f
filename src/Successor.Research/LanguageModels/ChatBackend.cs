// What the two providers' backends share: their settings, an HTTP client with no timeout of its own (the researcher
// bounds each call) whose probe notes each response's status, and the turning of whatever an SDK throws into a
// ChatFailure read from that status. A provider says only how it sends a request and how it reads its reply.
namespace Successor.Research.LanguageModels;

public abstract class ChatBackend<TReply> : IChatBackend
{
    readonly StatusProbe probe = new();

    protected ChatBackend(ChatSettings settings) => Settings = settings;

    protected ChatSettings Settings { get; }

    /// <summary>The client the SDK sends through; its own retries and timeouts are the SDK's to switch off.</summary>
    protected HttpClient ProbedHttpClient() => new(probe) { Timeout = Timeout.InfiniteTimeSpan };

    public abstract string Provider { get; }

    public string Model => Settings.Model;

    public ChatReply Complete(ChatRequest request, CancellationToken cancel)
    {
        probe.Reset();
        TReply reply;
        try { reply = Send(request, cancel); }
        catch (Exception e) { throw ChatFailure.From(e, probe.LastStatus, cancel.IsCancellationRequested); }
        return Read(reply);
    }

    /// <summary>One call through the provider's SDK.</summary>
    protected abstract TReply Send(ChatRequest request, CancellationToken cancel);

    /// <summary>The reply's text, billed usage and why it stopped.</summary>
    protected abstract ChatReply Read(TReply reply);
}
