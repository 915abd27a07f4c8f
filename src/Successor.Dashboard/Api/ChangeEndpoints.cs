// POST endpoints, each needing an approver's token: approve or reject a gate request, halt a lab. The
// decision goes through the same Gatekeeper as `successor approve`, so the same rules hold (a reason is
// required, a request is decided once, a machine identity never decides).
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Successor.Ledger.Storage;
using Successor.Safety.Gates;

namespace Successor.Dashboard.Api;

static class ChangeEndpoints
{
    sealed record ReasonBody(string? Reason);

    public static void Map(WebApplication app, DashboardOptions options)
    {
        // Request ids hold a slash ("request:LAB/g2-promotion"), so the route takes the rest of the path,
        // encoded or not, and the verb is its last segment.
        app.MapPost("/api/requests/{**rest}", (HttpRequest request, string rest) =>
        {
            rest = Uri.UnescapeDataString(rest);
            int slash = rest.LastIndexOf('/');
            return (slash > 0 ? rest[(slash + 1)..] : "") switch
            {
                "approve" => Decide(request, options, rest[..slash], approve: true),
                "reject" => Decide(request, options, rest[..slash], approve: false),
                _ => Task.FromResult(Auth.Error(StatusCodes.Status404NotFound,
                    "use POST /api/requests/{id}/approve or /api/requests/{id}/reject")),
            };
        });
        app.MapPost("/api/labs/{lab}/halt", (HttpRequest request, string lab) =>
            Change(request, options, async (ledger, who, reason) =>
        {
            string id = new HaltSwitch(ledger, lab).Request(who.Id, reason);
            var stop = await Task.Run(() => HaltSwitch.Stop(Path.Combine(options.Work, lab), TimeSpan.FromSeconds(3)));
            return Results.Json(new
            {
                halt = id, signalled = stop is not null, stopped_by_itself = stop?.StoppedByItself,
                seconds = stop?.Took.TotalSeconds,
            });
        }));
    }

    static Task<IResult> Decide(HttpRequest request, DashboardOptions options, string id, bool approve) =>
        Change(request, options, (ledger, who, reason) =>
        {
            var d = new Gatekeeper(ledger).Decide(id, who, approve, reason);
            return Task.FromResult(Results.Json(new
            {
                request = d.RequestId, decision = d.Verb, by = d.By, reason = d.Reason, lag_seconds = d.LagSeconds,
            }));
        });

    /// <summary>Authenticates an approver, reads the reason from the body, and runs the change.</summary>
    static async Task<IResult> Change(HttpRequest request, DashboardOptions options,
        Func<ILedger, Identity, string, Task<IResult>> change)
    {
        using var ledger = LedgerStore.Open(options.Ledger);
        try
        {
            var who = Auth.Require(request, ledger, Role.Approver);
            string? reason;
            var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            try { reason = (await request.ReadFromJsonAsync<ReasonBody>(web))?.Reason; }
            catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
            {
                return Auth.Error(StatusCodes.Status400BadRequest,
                    $"the body must be JSON {{\"reason\": \"…\"}}: {e.Message}");
            }
            if (string.IsNullOrWhiteSpace(reason))
                return Auth.Error(StatusCodes.Status400BadRequest, "a change needs a reason: {\"reason\": \"…\"}");
            return await change(ledger, who, reason);
        }
        catch (GateException e) { return Auth.Refused(e); }
    }
}
