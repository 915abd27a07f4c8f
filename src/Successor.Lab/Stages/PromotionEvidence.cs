using Successor.Safety.Gates;

namespace Successor.Lab.Stages;

/// <summary>Everything the promotion decision weighs, gathered by verification. TrainingError is set when
/// the successor's training failed (nothing else was measured then). Kept is null when self-generation is
/// off. The gate decisions are null until a person decided (or when the gate does not apply).</summary>
public sealed record PromotionEvidence
{
    public string? TrainingError { get; init; }
    public bool GenuinelyBetter { get; init; }
    public string Verdict { get; init; } = "";
    public int? Kept { get; init; }
    public double? KeptLabelAccuracy { get; init; }
    public double MinKeptLabelAccuracy { get; init; }
    public bool KeptDataSafe { get; init; } = true;
    /// <summary>Critical incidents of the generation, as (kind, id).</summary>
    public IReadOnlyList<(string Kind, string Id)> CriticalIncidents { get; init; } = [];
    /// <summary>promotion.adopt_every_successor: the judge's verdict is recorded but does not decide.</summary>
    public bool AdoptWithoutJudge { get; init; }
    public GateDecision? PromotionDecision { get; init; }
    public GateDecision? DataMixDecision { get; init; }
}
