namespace Successor.Safety.Gates;

/// <summary>What a gate asks a person: the request's local id within the lab, and one line for the person.</summary>
public sealed record GateQuestion(string Local, string Summary);
