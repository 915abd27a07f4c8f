// The one error type the ledger throws for bad input, a missing record or a storage that stays busy.
// Its message is a single line: which input, what is wrong, what would be right.
namespace Successor.Ledger;

public sealed class LedgerException : Exception
{
    public LedgerException(string message) : base(message) { }

    public LedgerException(string message, Exception inner) : base(message, inner) { }
}
