namespace Successor.Lab.Stages;

/// <summary>Whether the successor is promoted, every reason it is not, and the line the ledger keeps.</summary>
public sealed record PromotionDecision(bool Promoted, IReadOnlyList<string> Failures, string Reason, string? ApprovedBy)
{
    /// <summary>No automatic check failed: the human gates are asked next.</summary>
    public bool PassesChecks { get; init; }
}
