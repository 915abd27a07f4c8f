namespace Successor.Records;

/// <summary>`incident:LAB/&lt;local&gt;`: something a safety check caught, with its severity ("critical" or
/// "warning").</summary>
public sealed record IncidentRecord(string Kind, string Detail, string Severity) : LabRecord<IncidentRecord>
{
    public const string Type = "incident";
}
