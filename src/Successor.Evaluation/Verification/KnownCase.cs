using Successor.Evaluation.Statistics;

namespace Successor.Evaluation.Verification;

/// <summary>One known case replayed through the promotion rule: its kind, whether the rule should accept it,
/// and the rule's verdict.</summary>
public sealed record KnownCase(string Kind, bool ShouldAccept, Verdict Verdict);
