namespace Successor.Records;

/// <summary>`halt:LAB/N`: a person pressed the kill switch (`successor halt`), with why.</summary>
public sealed record HaltRequestRecord(string By, string Reason) : LabRecord<HaltRequestRecord>
{
    public const string Type = "halt-request";
}
