// What one sandboxed process sees of the machine besides the system itself: its own folder, writable, and
// the inputs it was given, read-only at their own paths. (Decoys, where forbidden files are, come from its
// Tripwire.)
namespace Successor.Lab.Sandbox;

/// <summary>Programs are the binaries and runtimes the process runs, read-only like Inputs.</summary>
public sealed record SandboxView(string Writable, IReadOnlyList<string> Inputs, IReadOnlyList<string> Programs);
