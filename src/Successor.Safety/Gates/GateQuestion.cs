namespace Successor.Safety.Gates;

/// <summary>What a gate asks a person: the request's local id within the lab, one line for the person, and the
/// settings approving would change, field by field, when it changes any.</summary>
public sealed record GateQuestion(string Local, string Summary)
{
    public IReadOnlyList<Records.FieldChange>? Changes { get; init; }
}
