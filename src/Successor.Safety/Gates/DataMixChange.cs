namespace Successor.Safety.Gates;

/// <summary>The self-generated share of a successor's training data against its champion's.</summary>
public sealed record DataMixChange(int Generation, double From, double To);
