// What `successor` exit codes mean (documented in the README).
namespace Successor.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>An unexpected failure (a bug or the machine): the message says what.</summary>
    public const int Failure = 1;
    /// <summary>Bad input: usage, a malformed recipe, unreadable data, a corrupt or mismatched checkpoint.</summary>
    public const int BadInput = 2;
    /// <summary>Training diverged (NaN or Inf); the weights of the failing step were not applied or saved.</summary>
    public const int Diverged = 3;
    /// <summary>
    /// The lab paused at a gate: a person must approve or reject the printed request, then run again.
    /// </summary>
    public const int AwaitingDecision = 4;
    /// <summary>Refused: an unknown or revoked token, a missing role, or a machine identity trying to decide.</summary>
    public const int Refused = 5;
    /// <summary>lab.json asks for the worker sandbox ("sandbox": "on", the default) and this machine cannot
    /// build it (bubblewrap missing, or namespaces refused); the lab did not start.</summary>
    public const int SandboxUnavailable = 6;
    /// <summary>
    /// Interrupted (Ctrl+C, SIGTERM or `successor halt`); a checkpoint of the last completed step was saved.
    /// </summary>
    public const int Interrupted = 130;
}
