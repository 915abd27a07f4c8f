// What verify found: counts of what it checked and every problem, in log order.
namespace Successor.Ledger.Verification;

public sealed record VerifyReport(long Records, int Artifacts, int TreeHeads, IReadOnlyList<VerifyProblem> Problems)
{
    public bool Ok => Problems.Count == 0;

    public VerifyProblem? FirstBroken => Problems.Count > 0 ? Problems[0] : null;

    /// <summary>Size of the largest tree head whose root matches the log and whose signature checks with the
    /// notary's key; -1 when none does (no head, or no key to check with).</summary>
    public long SignedSize { get; init; } = -1;
}
