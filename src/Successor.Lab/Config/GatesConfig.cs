// Stages where the loop waits for a named person (successor approve|reject).

namespace Successor.Lab.Config;

/// <summary>Stages where the loop stops until a named person approves or rejects (`successor
/// approve|reject`).</summary>
public sealed record GatesConfig
{
    [TemplateComment("A person approves every promotion the Verifier accepts.")]
    public bool Promotion { get; init; }
    /// <summary>A critical incident pauses the loop at its next safe point until a person decides.</summary>
    [TemplateComment("A critical incident pauses the loop until a person approves going on " +
        "(a rejection halts the lab).")]
    public bool Incidents { get; init; } = true;
    [TemplateComment("Raising a budget on resume waits for a person.")]
    public bool BudgetIncrease { get; init; } = true;
    [TemplateComment("A change of the self-generated share larger than this waits for a person (1: never).")]
    public double DataMixChange { get; init; } = 1;
}
