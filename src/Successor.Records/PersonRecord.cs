namespace Successor.Records;

/// <summary>`person:&lt;name&gt;`: a person who may look at or decide for a lab; only their token's SHA-256 is
/// kept.</summary>
public sealed record PersonRecord(string Role, string TokenSha256, string AddedBy) : LabRecord<PersonRecord>
{
    public const string Type = "person";
}
