namespace Successor.Records;

/// <summary>`checkpoint:&lt;digest prefix&gt;`: a champion's weights, an artifact of the lab (no generation for the
/// first champion; the digest is the one the ledger gives every artifact).</summary>
public sealed record CheckpointRecord(int? Generation = null, string? Digest = null) : LabRecord<CheckpointRecord>
{
    public const string Type = "checkpoint";
}
