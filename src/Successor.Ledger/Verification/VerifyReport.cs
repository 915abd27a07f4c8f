// What verify found: counts of what it checked and every problem, in log order.
namespace Successor.Ledger.Verification;

/// <summary>One problem; <paramref name="Seq"/> is the record it concerns, if any.</summary>
public sealed record VerifyProblem(long? Seq, string What);

public sealed record VerifyReport(long Records, int Artifacts, int TreeHeads, IReadOnlyList<VerifyProblem> Problems)
{
    public bool Ok => Problems.Count == 0;

    public VerifyProblem? FirstBroken => Problems.Count > 0 ? Problems[0] : null;
}
