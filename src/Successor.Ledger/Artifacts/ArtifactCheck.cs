// The result of re-hashing one stored artifact.
namespace Successor.Ledger.Artifacts;

public sealed record ArtifactCheck(ArtifactState State, string? ActualDigest);
