// Incidents in the ledger. Recording is idempotent by id, so a resumed loop that detects the same thing
// again does not raise it twice.
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Safety.Incidents;

public sealed class IncidentLog(ILedger ledger)
{
    public Incident Record(string actor, Incident incident)
    {
        if (ledger.FindById(incident.Id).Count == 0)
            ledger.Append(actor, ProvStatement.Entity(incident.Id, IncidentRecord.Type,
                new IncidentRecord(incident.Kind, incident.Detail, incident.Severity.ToString().ToLowerInvariant())
            {
                Lab = incident.Lab,
            }.ToAttributes()));
        return incident;
    }

    /// <summary>Every incident recorded for `lab` (all labs when null), in ledger order.</summary>
    public IReadOnlyList<Incident> All(string? lab = null)
    {
        var found = new List<Incident>();
        foreach (var record in ledger.Read())
        {
            var s = record.Parse().Statement;
            if (s.Kind != ProvKind.Entity || s.Type != IncidentRecord.Type || s.Attributes is not { } a) continue;
            var r = IncidentRecord.From(a);
            if (lab is not null && r.Lab != lab) continue;
            found.Add(new Incident(s.Subject, r.Lab ?? "", r.Kind, r.Detail,
                r.Severity == "critical" ? Severity.Critical : Severity.Warning));
        }
        return found;
    }
}
