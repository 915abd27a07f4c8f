namespace Successor.Safety.Gates;

/// <summary>The loop stopped at a gate; a person must decide the request, then `successor run` resumes.</summary>
public sealed class AwaitingDecisionException(string requestId, string summary)
    : Exception($"waiting for a person: {summary}; decide with `successor approve {requestId} --reason …` or "
        + $"`successor reject {requestId} --reason …`, then run again")
{
    public string RequestId { get; } = requestId;
}
