// A stage waiting for a human: a promotion, a data-mix change beyond its bound, a budget increase, or an
// incident. Its decision says who approved or rejected it, why, and how long the request waited.
namespace Successor.Safety.Gates;

public sealed record GateRequest(string Id, string Gate, string Lab, string Summary, DateTimeOffset RequestedAt)
{
    /// <summary>Who recorded the request: the loop's agent, or a person (who then may not decide it).</summary>
    public string RequestedBy { get; init; } = "";

    /// <summary>What approving would change, field by field (empty when it changes no setting).</summary>
    public IReadOnlyList<Records.FieldChange> Changes { get; init; } = [];
}

public sealed record GateDecision(string RequestId, bool Approved, string By, string Reason, DateTimeOffset DecidedAt,
    double LagSeconds)
{
    public string Verb => Approved ? "approved" : "rejected";
}
