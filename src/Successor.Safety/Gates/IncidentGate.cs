// gates.incidents: a critical incident pauses the loop at its next safe point until a person decides
// whether it goes on; a rejection halts the lab.
using Successor.Safety.Incidents;

namespace Successor.Safety.Gates;

public sealed class IncidentGate(bool enabled) : IGate<Incident>
{
    public string Name => "incident";

    public GateQuestion? Ask(Incident i) => enabled && i.Severity == Severity.Critical
        ? new(Local(i), $"go on after {i.Id} ({i.Kind}: {i.Detail})")
        : null;

    /// <summary>The local id of an incident's request, whether or not the gate is on.</summary>
    public static string Local(Incident i) => $"incident-{i.Id[(i.Id.IndexOf('/') + 1)..]}";
}
