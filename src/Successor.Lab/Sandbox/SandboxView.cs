// What one sandboxed process sees of the machine besides the system itself: its own folder, writable; the
// inputs it was given, read-only at their own paths; and decoys (tripwires) where a forbidden file is.
namespace Successor.Lab.Sandbox;

/// <summary>Programs are the binaries and runtimes the process runs (read-only, like Inputs); Decoys are host
/// paths of files it must never open: each appears inside as an empty file whose opening the lab notices.
/// </summary>
public sealed record SandboxView(string Writable, IReadOnlyList<string> Inputs, IReadOnlyList<string> Programs,
    IReadOnlyList<string> Decoys);
