// Requests and decisions, straight from the ledger (not from a cache), so a decision made by another
// process — the CLI, the dashboard — is seen by the loop at its next safe point. Only a named person with
// an approver or admin token decides; a machine identity's attempt is refused and recorded as an incident.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;
using Successor.Ledger.Records;
using Successor.Ledger.Storage;
using Successor.Safety.Incidents;

namespace Successor.Safety.Gates;

public sealed class Gatekeeper(ILedger ledger)
{
    const string RequestType = "approval-request", DecisionType = "gate-decision";

    /// <summary>Records the request once; asking again returns the one already recorded.</summary>
    public GateRequest Request(string actor, string id, string gate, string lab, string summary)
    {
        if (Find(id) is { } existing) return existing;
        ledger.Append(actor, ProvStatement.Entity(id, RequestType, new JsonObject { ["gate"] = gate, ["lab"] = lab, ["summary"] = summary }));
        return Find(id)!;
    }

    public GateRequest? Find(string id)
    {
        var entry = Records(id).FirstOrDefault(e => e.Statement.Subject == id && e.Statement.Type == RequestType);
        if (entry?.Statement.Attributes is not { } a) return null;
        return new GateRequest(id, (string)a["gate"]!, (string)a["lab"]!, (string)a["summary"]!, entry.Time);
    }

    public GateDecision? DecisionOn(string requestId)
    {
        var entry = Records(DecisionId(requestId)).FirstOrDefault(e => e.Statement.Type == DecisionType);
        if (entry?.Statement.Attributes is not { } a) return null;
        return new GateDecision(requestId, (bool)a["approved"]!, (string)a["by"]!, (string)a["reason"]!, entry.Time, (double)a["lag_seconds"]!);
    }

    /// <summary>Requests with no decision yet, oldest first (of one lab, or of all).</summary>
    public IReadOnlyList<GateRequest> Pending(string? lab = null)
    {
        var requests = new List<string>();
        var decided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in ledger.Read())
        {
            var s = record.Parse().Statement;
            if (s.Kind == ProvKind.Entity && s.Type == RequestType && (lab is null || s.Attributes?["lab"]?.GetValue<string>() == lab)) requests.Add(s.Subject);
            else if (s.Kind == ProvKind.Activity && s.Type == DecisionType && s.Attributes?["request"]?.GetValue<string>() is { } r) decided.Add(r);
        }
        return [.. requests.Where(r => !decided.Contains(r)).Select(r => Find(r)!)];
    }

    /// <summary>Approves or rejects `requestId` as `who`. Refused for a machine identity, a revoked or
    /// under-privileged person, an empty reason, an unknown or already decided request.</summary>
    public GateDecision Decide(string requestId, Identity who, bool approve, string reason)
    {
        var request = Find(requestId) ?? throw new GateException($"request {requestId} does not exist; `successor status` lists the pending ones", GateRefusal.NotFound);
        if (Identity.IsMachine(who.Id))
        {
            new IncidentLog(ledger).Record(who.Id, new Incident($"incident:{request.Lab}/self-approval-{who.Id}-{requestId}", request.Lab, "self-approval",
                $"{who.Id} tried to {(approve ? "approve" : "reject")} {requestId}; only a named person may decide", Severity.Critical));
            throw new GateException($"{who.Id} is a machine identity and can never decide a gate; the attempt was recorded as an incident");
        }
        if (!who.May(Role.Approver)) throw new GateException($"{who.Id} may not decide gates ({(who.Revoked ? "token revoked" : Roles.Name(who.Role))})");
        if (string.IsNullOrWhiteSpace(reason)) throw new GateException("a decision needs a reason (--reason)", GateRefusal.BadInput);
        if (DecisionOn(requestId) is { } done) throw new GateException($"request {requestId} was already {done.Verb} by {done.By}", GateRefusal.AlreadyDecided);
        double lag = Math.Max(0, (DateTimeOffset.UtcNow - request.RequestedAt).TotalSeconds);
        string id = DecisionId(requestId);
        ledger.AppendBatch(who.Id,
        [
            ProvStatement.Activity(id, DecisionType, new JsonObject
            {
                ["request"] = requestId, ["gate"] = request.Gate, ["lab"] = request.Lab, ["approved"] = approve, ["by"] = who.Id,
                ["reason"] = reason, ["lag_seconds"] = Math.Round(lag, 3),
            }),
            ProvStatement.Used(id, requestId),
            ProvStatement.WasAssociatedWith(id, who.Id, approve ? "approver" : "rejecter"),
        ]);
        return DecisionOn(requestId)!;
    }

    static string DecisionId(string requestId) => "decision:" + requestId["request:".Length..];

    IEnumerable<LedgerEntry> Records(string id) => ledger.FindById(id).Select(r => r.Parse());
}
