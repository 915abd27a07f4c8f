// What compiling a plug-in gave: whether it built (and passed its point's checks), the compiler's and checks'
// messages, and the hash of the source that was compiled (the artifact the ledger names).
namespace Successor.Research;

public sealed record CompileOutcome(bool Ok, IReadOnlyList<string> Diagnostics, string Hash);
