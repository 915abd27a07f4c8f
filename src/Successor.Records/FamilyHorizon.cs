namespace Successor.Records;

/// <summary>One task family's capability horizon: the difficulty at which accuracy crosses one half, with
/// its 95% CI, and whether the fit could place it inside the tested range, which Easiest and Hardest give (null in
/// records older than them).</summary>
public sealed record FamilyHorizon(string Family, double? Horizon, double? Low, double? High, string? Status)
{
    public int? Easiest { get; init; }
    public int? Hardest { get; init; }

    /// <summary>The horizon as it may be shown: a number inside the tested range, a bound outside it.</summary>
    public HorizonReading Reading() => HorizonReading.Of(Horizon, Status, Easiest, Hardest);
}
