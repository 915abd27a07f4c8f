// What verify found: counts of what it checked and every problem, in log order.
namespace Successor.Ledger.Verification;

public sealed record VerifyReport(long Records, int Artifacts, int TreeHeads, IReadOnlyList<VerifyProblem> Problems)
{
    public bool Ok => Problems.Count == 0;

    public VerifyProblem? FirstBroken => Problems.Count > 0 ? Problems[0] : null;
}
