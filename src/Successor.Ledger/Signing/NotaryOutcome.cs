// What one notary run did: the head it signed (null when it refused) and every problem it found. A
// refusal names the tree head the log no longer extends.
namespace Successor.Ledger.Signing;

public sealed record NotaryOutcome(SignedTreeHead? Signed, IReadOnlyList<string> Problems)
{
    public bool Ok => Signed is not null && Problems.Count == 0;
}
