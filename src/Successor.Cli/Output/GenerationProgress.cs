// One generation as the live lab view shows it.
namespace Successor.Cli.Output;

/// <summary>Stage in words; trials done of those started so far (a generation starts its trials rung by rung, so
/// the total grows); tokens and seconds spent, each with its cap (null: no cap); Finished once its verdict is in.
/// </summary>
public sealed record GenerationProgress(int Number, string Stage, int TrialsDone, int TrialsStarted, long Tokens,
    long? TokenBudget, double Seconds, double? SecondsBudget, bool Finished);
