// A task family's capability horizon (see CapabilityHorizon) with its 95% CI and where it lies
// relative to the tested difficulties.
namespace Successor.Evaluation.Statistics;

/// <summary>Status: "fitted" (accuracy crosses 50% inside the tested range), "above_range" (never falls
/// below 50%: the horizon is beyond the hardest difficulty tested), "below_range" (below 50% already at the
/// easiest one). Value, Low and High are null when the fit has no crossing (slope ≥ 0).</summary>
public sealed record Horizon(string Family, double? Value, double? Low, double? High, string Status);
