// What a lab may spend: steps of trials, of the first champion and of each successor, and caps on the
// tokens and wall seconds of a generation and of the whole lab.

namespace Successor.Lab.Config;

public sealed record BudgetConfig
{
    [TemplateComment("Steps at the first rung of successive halving; each later rung multiplies by eta. " +
        "Steps of the lab's recipe: a trial with another batch size trains on as many tokens.")]
    public int TrialSteps { get; init; } = 100;
    /// <summary>Wall seconds after which a trial's worker is killed and the trial fails.</summary>
    public double TrialSeconds { get; init; } = 240;
    [TemplateComment("Steps of the first champion's training run.")]
    public int InitialSteps { get; init; } = 1500;
    [TemplateComment("Runs of each model trained from scratch (the first champion, and each of its siblings under " +
        "the vote filter), from different seeds; the best on the public score is kept.")]
    public int InitialCandidates { get; init; } = 1;
    [TemplateComment("Steps of each successor's full run, warm-started from the champion. " +
        "Steps of the lab's recipe: a successor with another batch size trains on as many tokens.")]
    public int SuccessorSteps { get; init; } = 1500;
    /// <summary>Tokens one generation may train on (trials and successor), 0 for no cap.</summary>
    public long GenerationTokens { get; init; } = 0;
    /// <summary>Wall seconds one generation may take; checked before each batch of trials. 0 for no cap.</summary>
    [TemplateComment("Checked before each batch of trials; " +
        "a generation past it stops the lab (resumable with a larger cap).")]
    public double GenerationSeconds { get; init; } = 0;
    /// <summary>Tokens the whole lab may train on, 0 for no cap.</summary>
    public long LabTokens { get; init; } = 0;
    /// <summary>The last generation's successor trains on every token lab_tokens has left instead of
    /// successor_steps, so a fixed compute budget is spent in full whatever the search used (a race in the
    /// selection that does not run leaves its tokens to the successor).</summary>
    [TemplateComment("true: the last generation's successor trains on every token lab_tokens has left, " +
        "instead of successor_steps.")]
    public bool LastSuccessorTakesRest { get; init; }
    /// <summary>Wall seconds of the whole lab (summed over resumed runs), 0 for no cap.</summary>
    public double LabSeconds { get; init; } = 0;
}
