// A refused gate operation. Its kind lets the dashboard answer with the matching HTTP status: no token,
// an unknown one or a revoked one (401); a role that may not (403); an unknown request (404); a request
// already decided (409); a decision without a reason (400).
namespace Successor.Safety.Gates;

public enum GateRefusal { Forbidden, Unauthenticated, NotFound, AlreadyDecided, BadInput }

public sealed class GateException(string message, GateRefusal refusal = GateRefusal.Forbidden) : Exception(message)
{
    public GateRefusal Refusal { get; } = refusal;
}
