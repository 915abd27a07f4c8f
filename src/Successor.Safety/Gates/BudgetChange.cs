namespace Successor.Safety.Gates;

/// <summary>The lab's budgets changed between runs: the change's number and both budgets as compact JSON.</summary>
public sealed record BudgetChange(int Number, string From, string To);
