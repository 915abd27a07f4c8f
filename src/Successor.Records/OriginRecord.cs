namespace Successor.Records;

/// <summary>`origin:LAB/first-champion`: where a lab's first champion came from when the lab did not train it
/// (lab.json's first_champion), an artifact holding that checkpoint's recipe.json: the folder, the source's format
/// and the SHA-256 of its config and weights files (from origin.json; null for a checkpoint Successor trained),
/// the recipe's SHA-256 and the champion checkpoint's digest.</summary>
public sealed record OriginRecord(string Folder, string RecipeSha256, string Checkpoint, string? Format = null,
    string? Source = null, string? SourceConfigSha256 = null, string? SourceWeightsSha256 = null)
    : LabRecord<OriginRecord>
{
    public const string Type = "origin";
}
