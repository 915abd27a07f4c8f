// What a witness found: every problem, the first remembered tree head the ledger no longer extends,
// the latest valid signed head, how much of the log it had already seen (consistently), and the state
// to keep when nothing was wrong.
using Successor.Ledger.Signing;

namespace Successor.Ledger.Verification;

public sealed record WitnessReport(
    IReadOnlyList<string> Problems,
    SignedTreeHead? FirstInconsistent,
    SignedTreeHead? Latest,
    long WitnessedSize,
    WitnessState? Next)
{
    public bool Ok => Problems.Count == 0;
}
