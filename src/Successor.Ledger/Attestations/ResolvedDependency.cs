// One resolved dependency of an in-toto statement's SLSA build definition (a parent checkpoint,
// data or a recipe), named and pinned by its digest.
namespace Successor.Ledger.Attestations;

/// <summary>One input of the build: a name (e.g. "recipe", "data:train") and its "sha256:…" digest.</summary>
public sealed record ResolvedDependency(string Name, string Digest);
