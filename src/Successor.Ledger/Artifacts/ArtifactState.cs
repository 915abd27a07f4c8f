// What re-hashing a stored artifact found: the file is intact, missing, or its content changed.
namespace Successor.Ledger.Artifacts;

public enum ArtifactState { Intact, Missing, Corrupt }
