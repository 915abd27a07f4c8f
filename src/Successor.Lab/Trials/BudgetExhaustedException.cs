namespace Successor.Lab.Trials;

/// <summary>A hard compute cap would be exceeded: no trial starts, and the lab stops at this point.</summary>
public sealed class BudgetExhaustedException(string message) : Exception(message);
