// What is left of the lab's budgets, as a researcher may know it: generations, training tokens (null: no cap) and
// the money a paid researcher may still spend in this lab (null: no cap).
namespace Successor.Research;

public sealed record ResearchBudget(int GenerationsLeft, long? TrainingTokensLeft, double? SpendLeft);
