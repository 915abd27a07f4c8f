namespace Successor.Records;

/// <summary>`user:&lt;name&gt;`: a person who may look at or decide for a lab, with their Ed25519 public key
/// (the private key is theirs alone), signed by the admin who added them — or, for the first admin only, by
/// their own key in the recorded bootstrap step.</summary>
public sealed record PersonRecord(string Role, string PublicKey, string AddedBy) : LabRecord<PersonRecord>
{
    public const string Type = "person";

    /// <summary>True on the bootstrap record of the first admin, valid only on a ledger with no person yet.</summary>
    public bool? Bootstrap { get; init; }

    /// <summary>Ed25519 signature (hex) of the adding admin over the record without the signature fields.</summary>
    public string? Signature { get; init; }

    /// <summary>On the bootstrap record: the judge side's (the notary key's) countersignature of the same bytes,
    /// so the first admin is someone with access to the judge side, not whoever appended first.</summary>
    public string? JudgeSignature { get; init; }
}
