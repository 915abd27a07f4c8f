// The failure of a command line that parses but makes no sense; Failures turns it into exit code 2.
namespace Successor.Cli;

/// <summary>A command line that parses but makes no sense (e.g. --resume with --preset).</summary>
public sealed class UsageException(string message) : Exception(message);
