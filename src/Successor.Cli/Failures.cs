// Turns every known failure into one line on stderr and its documented exit code; nothing else
// (no stack trace) reaches the user unless SUCCESSOR_DEBUG is set.
using Successor.Ledger;
using Successor.Models.Checkpoints;
using Successor.Training;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Cli;

public static class Failures
{
    public static int Guard(Func<int> run)
    {
        try { return run(); }
        catch (Exception e) when (Code(e) is var code && code != ExitCodes.Failure
            || Environment.GetEnvironmentVariable("SUCCESSOR_DEBUG") is null)
        {
            int exit = Code(e);
            Console.Error.WriteLine($"error: {OneLine(e)}");
            return exit;
        }
    }

    public static int Code(Exception e) => e switch
    {
        RecipeException or DataException or CheckpointFormatException or FileNotFoundException
            or DirectoryNotFoundException or ArgumentException or UsageException or LedgerException
            or Lab.Config.LabConfigException or Dashboard.Trends.TrendDataException
            or Models.Interop.InteropException => ExitCodes.BadInput,
        TrainingDivergedException => ExitCodes.Diverged,
        Safety.Gates.GateException => ExitCodes.Refused,
        Lab.Sandbox.SandboxUnavailableException => ExitCodes.SandboxUnavailable,
        Safety.Gates.AwaitingDecisionException => ExitCodes.AwaitingDecision,
        OperationCanceledException or Safety.Gates.LabHaltedException => ExitCodes.Interrupted,
        _ => ExitCodes.Failure,
    };

    static string OneLine(Exception e) =>
        (e is ArgumentException or Dashboard.Trends.TrendDataException or Safety.Gates.LabHaltedException
            or Safety.Gates.GateException or Safety.Gates.AwaitingDecisionException or LedgerException
            or Lab.Config.LabConfigException or Lab.Loop.LabException or RecipeException or DataException
            or CheckpointFormatException or TrainingDivergedException or UsageException
            or Models.Interop.InteropException
            or Lab.Sandbox.SandboxUnavailableException
            ? e.Message : $"{e.GetType().Name}: {e.Message}").ReplaceLineEndings(" ");
}
