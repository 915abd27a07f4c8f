// Something a safety check caught: a planted or real attempt to game the evaluation, a drift or collapse
// alarm, an anomaly in a metric stream. Critical incidents fail the candidate closed and pause the loop
// until a person decides; warnings are recorded and shown.
namespace Successor.Safety.Incidents;

public enum Severity { Warning, Critical }

public sealed record Incident(string Id, string Lab, string Kind, string Detail, Severity Severity);
