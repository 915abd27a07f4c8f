// The state of the log as a whole after a listing: how many records and signed tree heads it
// holds, and the newest head (the one just signed, if any).
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Queries;

public sealed record LogSummary(long Records, int TreeHeads, SignedTreeHead? Latest)
{
    /// <param name="justSigned">A head signed a moment ago; it is the latest whatever the stored order.</param>
    public static LogSummary Of(ILedger ledger, SignedTreeHead? justSigned = null)
    {
        var heads = ledger.TreeHeads();
        var latest = justSigned ?? (heads.Count > 0 ? heads[^1] : null);
        return new LogSummary(ledger.Count(), heads.Count, latest);
    }
}
