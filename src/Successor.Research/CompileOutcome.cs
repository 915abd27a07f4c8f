// What compiling a plug-in gave the researcher: whether it compiled and passed the screen, every line of the
// compile log (what a repair reads), and the SHA-256 of its source ("sha256:…", the recipe key's value), which
// is null only when the source never reached the compiler.
namespace Successor.Research;

public sealed record CompileOutcome(bool Ok, IReadOnlyList<string> Diagnostics, string? Hash);
