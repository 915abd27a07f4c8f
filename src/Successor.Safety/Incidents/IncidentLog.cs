// Incidents in the ledger. Recording is idempotent by id, so a resumed loop that detects the same thing
// again does not raise it twice.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Safety.Incidents;

public sealed class IncidentLog(ILedger ledger)
{
    const string Type = "incident";

    public Incident Record(string actor, Incident incident)
    {
        if (ledger.FindById(incident.Id).Count == 0)
            ledger.Append(actor, ProvStatement.Entity(incident.Id, Type, new JsonObject
            {
                ["lab"] = incident.Lab, ["kind"] = incident.Kind, ["detail"] = incident.Detail,
                ["severity"] = incident.Severity.ToString().ToLowerInvariant(),
            }));
        return incident;
    }

    /// <summary>Every incident recorded for `lab` (all labs when null), in ledger order.</summary>
    public IReadOnlyList<Incident> All(string? lab = null)
    {
        var found = new List<Incident>();
        foreach (var record in ledger.Read())
        {
            var s = record.Parse().Statement;
            if (s.Kind != ProvKind.Entity || s.Type != Type || s.Attributes is not { } a) continue;
            if (lab is not null && a["lab"]?.GetValue<string>() != lab) continue;
            found.Add(new Incident(s.Subject, (string)a["lab"]!, (string)a["kind"]!, (string)a["detail"]!,
                (string)a["severity"]! == "critical" ? Severity.Critical : Severity.Warning));
        }
        return found;
    }
}
