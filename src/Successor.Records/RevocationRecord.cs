namespace Successor.Records;

/// <summary>`revocation:&lt;person&gt;:&lt;ms&gt;`: an admin revoked a person's key, signed by that admin.</summary>
public sealed record RevocationRecord(string Person, string RevokedBy) : LabRecord<RevocationRecord>
{
    public const string Type = "token-revocation";

    /// <summary>Ed25519 signature (hex) of the revoking admin over the record without this field.</summary>
    public string? Signature { get; init; }
}
