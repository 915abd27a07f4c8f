// Stages where the loop waits for a named person (successor approve|reject).

namespace Successor.Lab.Config;

/// <summary>Stages where the loop stops until a named person approves or rejects (`successor
/// approve|reject`).</summary>
public sealed record GatesConfig
{
    /// <summary>Every promotion the Verifier accepts also needs a person's approval.</summary>
    public bool Promotion { get; init; }
    /// <summary>A critical incident pauses the loop at its next safe point until a person decides.</summary>
    public bool Incidents { get; init; } = true;
    /// <summary>Raising a budget on resume needs a person's approval.</summary>
    public bool BudgetIncrease { get; init; } = true;
    /// <summary>A successor whose self-generated share moves further than this from its champion's needs a
    /// person's approval (1: never asks).</summary>
    public double DataMixChange { get; init; } = 1;
}
