namespace Successor.Records;

/// <summary>One task family's capability horizon: the difficulty at which accuracy crosses one half, with
/// its 95% CI, and whether the fit could place it inside the tested range.</summary>
public sealed record FamilyHorizon(string Family, double? Horizon, double? Low, double? High, string? Status);
