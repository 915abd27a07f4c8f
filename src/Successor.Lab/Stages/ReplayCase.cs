namespace Successor.Lab.Stages;

/// <param name="Kind">What the case is (KnownCases' kinds, or the known-good champion over its silenced
/// copy).</param>
public sealed record ReplayCase(string Kind, bool ShouldAccept);
