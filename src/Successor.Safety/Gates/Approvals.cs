// Where a lab meets its people: every gate's question is recorded as a request once, and the loop goes on
// only with a person's decision on it. Between stages (a safe point) the kill switch and every critical
// incident are checked. The loop and its researchers can ask; only people decide (Gatekeeper).
using Successor.Ledger.Storage;
using Successor.Safety.Incidents;

namespace Successor.Safety.Gates;

public sealed class Approvals(ILedger ledger, string lab, string actor, Action<string> paused)
{
    readonly Gatekeeper gatekeeper = new(ledger);

    public string RequestId(string local) => $"request:{lab}/{local}";

    /// <summary>The decision on the gate's question (recording the request first), null when the gate does not
    /// apply, or a pause until a person decides.</summary>
    public GateDecision? Await<T>(IGate<T> gate, T evidence)
    {
        if (gate.Ask(evidence) is not { } question) return null;
        var request =
            gatekeeper.Request(actor, RequestId(question.Local), gate.Name, lab, question.Summary, question.Changes);
        RecordForgeries(request.Id);
        if (gatekeeper.DecisionOn(request.Id) is { } decision) return decision;
        paused(question.Summary);
        throw new AwaitingDecisionException(request.Id, question.Summary);
    }

    /// <summary>True when a person's decision that counts approved the request `local`.</summary>
    public bool Approved(string local) => gatekeeper.DecisionOn(RequestId(local)) is { Approved: true };

    /// <summary>Between stages: stop if a person halted the lab since `haltsSeen`; wait for a person on every
    /// critical incident the incident gate asks about and no one has decided.</summary>
    public void SafePoint(int haltsSeen, IncidentGate gate)
    {
        var halts = new HaltSwitch(ledger, lab);
        if (halts.RequestedSince(haltsSeen))
            throw new LabHaltedException(
                $"lab {lab} was halted ({halts.Count()} halt request(s) in the ledger); `successor run` resumes it");
        var requests = new IncidentLog(ledger).All(lab).Select(gate.Ask).OfType<GateQuestion>()
            .Select(q => gatekeeper.Request(actor, RequestId(q.Local), gate.Name, lab, q.Summary)).ToList();
        foreach (var request in requests) RecordForgeries(request.Id);
        foreach (var request in requests)
            if (gatekeeper.DecisionOn(request.Id) is { Approved: false } rejected)
                throw new LabHaltedException(
                    $"{rejected.By} rejected going on after an incident ({request.Id}): {rejected.Reason}");
        var open = requests.Where(r => gatekeeper.DecisionOn(r.Id) is null).ToList();
        if (open.Count == 0) return;
        foreach (var r in open) paused(r.Summary);
        throw new AwaitingDecisionException(open[0].Id, open.Count == 1 ? open[0].Summary
            : $"{open.Count} incidents, each needs a decision ({string.Join(", ", open.Select(r => r.Id))})");
    }

    /// <summary>A decision record on the request that does not count (unsigned, forged, by someone without the
    /// role, self-review) changes nothing; each is recorded once as a critical incident naming its record.</summary>
    void RecordForgeries(string requestId)
    {
        foreach (var forged in gatekeeper.Rejected(requestId))
            new IncidentLog(ledger).Record(actor, new Incident($"incident:{lab}/forged-decision-record-{forged.Seq}",
                lab, "forged-decision", forged.Why, Severity.Critical));
    }

    /// <summary>Every request generation g needs decided — one per critical incident (asked or not), the promotion
    /// and data-mix gates when they asked — and whether a person approved each (the audit's
    /// "gates-decided").</summary>
    public IReadOnlyList<(string Id, bool Approved)> Requests(int g, IReadOnlyList<Incident> critical) =>
        [.. critical.Select(i => RequestId(IncidentGate.Local(i)))
            .Concat(new[] { $"g{g}-promotion", $"g{g}-data-mix" }
                .Select(RequestId)
                .Where(id => gatekeeper.Find(id) is not null))
            .Select(id => (id, gatekeeper.DecisionOn(id) is { Approved: true }))];
}
