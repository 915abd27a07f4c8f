// Notes the HTTP status of the last response an SDK received, so failures are classified the same way for every
// provider (429 is a rate limit, 5xx a server error) whatever exception type the SDK wraps them in.
namespace Successor.Research.LanguageModels;

sealed class StatusProbe() : DelegatingHandler(new HttpClientHandler())
{
    public int LastStatus { get; private set; }

    public void Reset() => LastStatus = 0;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = base.Send(request, cancellationToken);
        LastStatus = (int)response.StatusCode;
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        LastStatus = (int)response.StatusCode;
        return response;
    }
}
