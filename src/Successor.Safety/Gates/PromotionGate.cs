// gates.promotion: every successor the Verifier and the checks accept also needs a person's approval.
namespace Successor.Safety.Gates;

/// <summary>A successor about to be promoted: its generation and one line on its standing and improvement.</summary>
public sealed record PromotionCandidate(int Generation, string Standing);

public sealed class PromotionGate(bool enabled) : IGate<PromotionCandidate>
{
    public string Name => "promotion";

    public GateQuestion? Ask(PromotionCandidate c) =>
        enabled
            ? new($"g{c.Generation}-promotion", $"promote generation {c.Generation}'s successor ({c.Standing})")
            : null;
}
