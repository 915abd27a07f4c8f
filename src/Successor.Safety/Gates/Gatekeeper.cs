// Requests and decisions, straight from the ledger (not from a cache), so a decision made by another
// process — the CLI, the dashboard — is seen by the loop at its next safe point. Only a named person with
// an approver or admin key decides; a machine identity's attempt is refused and recorded as an incident.
// A decision counts only when signed by a person registered (Roster) as an approver when it was recorded,
// who did not make the request; any other gate-decision record is ignored and listed by Rejected.
using Successor.Ledger.Statements;
using Successor.Ledger.Records;
using Successor.Ledger.Storage;
using Successor.Safety.Incidents;

namespace Successor.Safety.Gates;

public sealed class Gatekeeper(ILedger ledger)
{
    /// <summary>Records the request once; asking again returns the one already recorded.</summary>
    public GateRequest Request(string actor, string id, string gate, string lab, string summary,
        IReadOnlyList<FieldChange>? changes = null)
    {
        if (Find(id) is { } existing) return existing;
        var request = new ApprovalRequestRecord(gate, summary) { Lab = lab, Changes = changes };
        ledger.Append(actor, ProvStatement.Entity(id, ApprovalRequestRecord.Type, request.ToAttributes()));
        return Find(id)!;
    }

    public GateRequest? Find(string id)
    {
        var entry = Records(id)
            .FirstOrDefault(e => e.Statement.Subject == id && e.Statement.Type == ApprovalRequestRecord.Type);
        if (entry?.Statement.Attributes is not { } a) return null;
        var request = ApprovalRequestRecord.From(a);
        return new GateRequest(id, request.Gate, request.Lab ?? "", request.Summary, entry.Time)
            { RequestedBy = entry.Actor, Changes = FieldChanges.Of(request) };
    }

    /// <summary>The first decision on the request that counts (signed by an approver who did not ask), or
    /// null.</summary>
    public GateDecision? DecisionOn(string requestId) => Decisions(requestId, Roster.Of(ledger)).Valid;

    /// <summary>Decision records on the request that do not count, with why: forged, unsigned, self-review.</summary>
    public IReadOnlyList<RejectedRecord> Rejected(string requestId) =>
        Decisions(requestId, Roster.Of(ledger)).Rejected;

    /// <summary>Every decision record in the ledger that does not count, in ledger order (for verify).</summary>
    public IReadOnlyList<RejectedRecord> AllRejected()
    {
        var roster = Roster.Of(ledger);
        var requests = new List<string>();
        foreach (var record in ledger.Read())
        {
            var s = record.Parse().Statement;
            if (s.Kind == ProvKind.Activity && s.Type == DecisionRecord.Type && s.Attributes is { } a)
                requests.Add(DecisionRecord.From(a).Request);
        }
        return [.. requests.Distinct().SelectMany(r => Decisions(r, roster).Rejected).OrderBy(r => r.Seq)];
    }

    (GateDecision? Valid, List<RejectedRecord> Rejected) Decisions(string requestId, Roster roster)
    {
        var rejected = new List<RejectedRecord>();
        GateDecision? valid = null;
        var request = Find(requestId);
        string id = DecisionId(requestId);
        foreach (var record in ledger.FindById(id))
        {
            var entry = record.Parse();
            var s = entry.Statement;
            if (s.Subject != id || s.Type != DecisionRecord.Type || s.Attributes is not { } a) continue;
            var d = DecisionRecord.From(a);
            string? why = d.Request != requestId ? $"it names request {d.Request}, not {requestId}"
                : request is null ? "there is no such request"
                : Identity.IsMachine(d.By) ? $"{d.By} is a machine identity and can never decide"
                : d.By == request.RequestedBy ? $"{d.By} made the request and may not decide it (no self-review)"
                : roster.Signer(record.Seq, d.By, Role.Approver, id, DecisionRecord.Type, a);
            if (why is not null)
                rejected.Add(new(record.Seq, id, $"gate decision {id} (record {record.Seq}) by {d.By}: {why}; "
                    + "it does not count"));
            else valid ??= new GateDecision(requestId, d.Approved, d.By, d.Reason, entry.Time, d.LagSeconds);
        }
        return (valid, rejected);
    }

    /// <summary>Requests with no decision yet, oldest first (of one lab, or of all).</summary>
    public IReadOnlyList<GateRequest> Pending(string? lab = null)
    {
        var requests = new List<string>();
        var decided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in ledger.Read())
        {
            var s = record.Parse().Statement;
            if (s.Attributes is not { } a) continue;
            if (s.Kind == ProvKind.Entity && s.Type == ApprovalRequestRecord.Type)
            {
                if (lab is null || ApprovalRequestRecord.From(a).Lab == lab) requests.Add(s.Subject);
            }
            else if (s.Kind == ProvKind.Activity && s.Type == DecisionRecord.Type)
                decided.Add(DecisionRecord.From(a).Request);
        }
        return [.. requests.Where(r => !decided.Contains(r)).Select(r => Find(r)!)];
    }

    /// <summary>Approves or rejects `requestId` as `who`. Refused for a machine identity, a revoked or
    /// under-privileged person, an empty reason, an unknown or already decided request.</summary>
    public GateDecision Decide(string requestId, Identity who, bool approve, string reason)
    {
        var request = Find(requestId) ?? throw new GateException(
            $"request {requestId} does not exist; `successor status` lists the pending ones", GateRefusal.NotFound);
        if (Identity.IsMachine(who.Id))
        {
            new IncidentLog(ledger).Record(who.Id, new Incident(
                $"incident:{request.Lab}/self-approval-{who.Id}-{requestId}", request.Lab, "self-approval",
                $"{who.Id} tried to {(approve ? "approve" : "reject")} {requestId}; only a named person may decide",
                Severity.Critical));
            throw new GateException(
                $"{who.Id} is a machine identity and can never decide a gate; the attempt was recorded as an incident");
        }
        if (!who.May(Role.Approver))
            throw new GateException(
                $"{who.Id} may not decide gates ({(who.Revoked ? "key revoked" : Roles.Name(who.Role))})");
        if (who.Key is null || who.Key.PublicKey != who.PublicKey)
            throw new GateException($"{who.Id}: a decision is signed with the person's own key; give it with --key",
                GateRefusal.Unauthenticated);
        if (who.Id == request.RequestedBy)
            throw new GateException($"{who.Id} made request {requestId} and may not decide it (no self-review)");
        if (string.IsNullOrWhiteSpace(reason))
            throw new GateException("a decision needs a reason (--reason)", GateRefusal.BadInput);
        if (DecisionOn(requestId) is { } done)
            throw new GateException($"request {requestId} was already {done.Verb} by {done.By}",
                GateRefusal.AlreadyDecided);
        double lag = Math.Max(0, (DateTimeOffset.UtcNow - request.RequestedAt).TotalSeconds);
        string id = DecisionId(requestId);
        ledger.AppendBatch(who.Id,
        [
            ProvStatement.Activity(id, DecisionRecord.Type, RecordSignature.Signed(who.Key, id, DecisionRecord.Type,
                new DecisionRecord(requestId, request.Gate, approve, who.Id, reason, Math.Round(lag, 3))
            {
                Lab = request.Lab,
            }.ToAttributes())),
            ProvStatement.Used(id, requestId),
            ProvStatement.WasAssociatedWith(id, who.Id, approve ? "approver" : "rejecter"),
        ]);
        return DecisionOn(requestId) ?? throw new GateException(
            $"the decision on {requestId} was recorded but does not count: {Rejected(requestId)[^1].Why}");
    }

    static string DecisionId(string requestId) => "decision:" + requestId["request:".Length..];

    IEnumerable<LedgerEntry> Records(string id) => ledger.FindById(id).Select(r => r.Parse());
}
