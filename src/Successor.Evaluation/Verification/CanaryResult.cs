namespace Successor.Evaluation.Verification;

/// <summary>How many canaries were planted on the sealed side and how many a model completed: above 0 completed
/// means it has seen sealed data; none planted means the check had nothing to look for.</summary>
public sealed record CanaryResult(int Planted, int Completed);
