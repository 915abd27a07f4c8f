namespace Successor.Lab.Stages;

/// <summary>One verified candidate: its mean public-validation score and its sealed score, same orientation.</summary>
public sealed record HoldoutQuery(int Generation, double Public, double Sealed);
