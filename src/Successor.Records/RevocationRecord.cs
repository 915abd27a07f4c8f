namespace Successor.Records;

/// <summary>`revocation:&lt;person&gt;:&lt;ms&gt;`: an admin revoked a person's token.</summary>
public sealed record RevocationRecord(string Person, string RevokedBy) : LabRecord<RevocationRecord>
{
    public const string Type = "token-revocation";
}
