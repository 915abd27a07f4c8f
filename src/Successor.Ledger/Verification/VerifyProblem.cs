// One problem verify found, with the record it concerns when it concerns one.
namespace Successor.Ledger.Verification;

/// <summary>One problem; <paramref name="Seq"/> is the record it concerns, if any.</summary>
public sealed record VerifyProblem(long? Seq, string What);
