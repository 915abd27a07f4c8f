// What the notary answers for a log given as its leaf hashes: the head it signed (null when it refused, with
// why), the head it had signed before, and its public key. The caller stores the head (Notary.Store): a
// notary running under the judge's own account never opens the ledger.
namespace Successor.Ledger.Signing;

public sealed record NotarySigning(SignedTreeHead? Signed, SignedTreeHead? Last, string? Refusal, TreeHeadKey Key);
