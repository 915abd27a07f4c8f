// Who is asking: the person whose token is in `Authorization: Bearer …`. Changes need an approver; reading
// needs a viewer only when the server was started with --read-token-required.
using Microsoft.AspNetCore.Http;
using Successor.Ledger.Storage;
using Successor.Safety.Gates;

namespace Successor.Dashboard.Api;

static class Auth
{
    public static string? Token(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim()
            : null;
    }

    /// <summary>The person, or throws a GateException whose refusal maps to 401 or 403.</summary>
    public static Identity Require(HttpRequest request, ILedger ledger, Role role) =>
        new PersonRegistry(ledger).Authenticate(Token(request), role);

    public static IResult Refused(GateException e) =>
        Results.Json(new { error = e.Message }, statusCode: e.Refusal switch
    {
        GateRefusal.Unauthenticated => StatusCodes.Status401Unauthorized,
        GateRefusal.NotFound => StatusCodes.Status404NotFound,
        GateRefusal.AlreadyDecided => StatusCodes.Status409Conflict,
        GateRefusal.BadInput => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status403Forbidden,
    });

    public static IResult Error(int status, string message) =>
        Results.Json(new { error = message }, statusCode: status);
}
