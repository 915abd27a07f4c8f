// A lab: what it trains on, how much compute it may spend, how it searches, what it generates for
// itself and what a successor must pass to be promoted. Written by `successor init` as commented JSON;
// every field has a default, so a config lists only what differs.
using Successor.Research;
using Successor.Training.Recipes;

namespace Successor.Lab.Config;

public sealed record LabConfig
{
    public string Name { get; init; } = "lab";
    public ulong Seed { get; init; } = 1;
    /// <summary>Generations after the first champion; the lab stops earlier when a budget runs out.</summary>
    public int Generations { get; init; } = 3;
    public CurriculumConfig Curriculum { get; init; } = new();
    /// <summary>A split folder (successor data split): the lab trains on its text instead of the curriculum.</summary>
    public string? Split { get; init; }
    public BudgetConfig Budgets { get; init; } = new();
    public ResearchConfig Research { get; init; } = new();
    public SelfGenerationConfig SelfGeneration { get; init; } = new();
    public PromotionConfig Promotion { get; init; } = new();
    public GatesConfig Gates { get; init; } = new();
    public SafetyConfig Safety { get; init; } = new();
    /// <summary>The first champion's recipe; successors change it through accepted proposals.</summary>
    public Recipe Recipe { get; init; } = LabDefaults.Recipe;
}

public sealed record CurriculumConfig
{
    public string Families { get; init; } = "radd";
    /// <summary>What the first champion trains on (supervised, ground-truth answers).</summary>
    public string TrainDifficulties { get; init; } = "1-3";
    /// <summary>Public validation slices: weaknesses and trial scores (never the sealed holdout).</summary>
    public string EvalDifficulties { get; init; } = "1-5";
    public int EvalItemsPerSlice { get; init; } = 100;
}

public sealed record BudgetConfig
{
    /// <summary>Optimizer steps of a trial at the first rung of successive halving. Like every budget in steps,
    /// counted in steps of the lab's recipe: a recipe with another batch size trains on as many tokens.</summary>
    public int TrialSteps { get; init; } = 150;
    /// <summary>Wall seconds after which a trial's worker is killed and the trial fails.</summary>
    public double TrialSeconds { get; init; } = 240;
    /// <summary>Optimizer steps of the first champion's training run.</summary>
    public int InitialSteps { get; init; } = 1500;
    /// <summary>Optimizer steps of each successor's full run (warm-started from the champion).</summary>
    public int SuccessorSteps { get; init; } = 1000;
    /// <summary>Tokens one generation may train on (trials and successor), 0 for no cap.</summary>
    public long GenerationTokens { get; init; } = 0;
    /// <summary>Wall seconds one generation may take; checked before each batch of trials. 0 for no cap.</summary>
    public double GenerationSeconds { get; init; } = 0;
    /// <summary>Tokens the whole lab may train on, 0 for no cap.</summary>
    public long LabTokens { get; init; } = 0;
    /// <summary>The last generation's successor trains on every token lab_tokens has left instead of
    /// successor_steps, so a fixed compute budget is spent in full whatever the search used (a race in the
    /// selection that does not run leaves its tokens to the successor).</summary>
    public bool LastSuccessorTakesRest { get; init; }
    /// <summary>Wall seconds of the whole lab (summed over resumed runs), 0 for no cap.</summary>
    public double LabSeconds { get; init; } = 0;
}

public sealed record ResearchConfig
{
    /// <summary>random or tpe.</summary>
    public string Strategy { get; init; } = "tpe";
    /// <summary>Proposals per generation (the control is added to them).</summary>
    public int Proposals { get; init; } = 3;
    /// <summary>Trials that run at once, each in its own worker process.</summary>
    public int Workers { get; init; } = 2;
    /// <summary>Threads per worker.</summary>
    public int ThreadsPerWorker { get; init; } = 1;
    /// <summary>Successive halving: keep the best 1/eta at each rung and give them eta times the steps.</summary>
    public int Eta { get; init; } = 2;
    public int Rungs { get; init; } = 2;
    /// <summary>Seeds the selected change is re-run with; a single lucky seed is never a finding.</summary>
    public int SelectionSeeds { get; init; } = 2;
    /// <summary>Shrink each trial's decay in proportion to its steps over the successor's, so a short trial runs
    /// the successor's whole schedule in miniature (a fairer proxy for a long run) rather than its first steps;
    /// the warmup keeps its steps, up to half the trial.</summary>
    public bool ScaleTrialSchedules { get; init; }
    /// <summary>Successive halving on the wsd schedule: every trial holds its candidate's peak rate, then cools
    /// down over trial_cooldown of its length before it is scored; a promoted trial continues from the state
    /// its previous rung saved before cooling down, so each rung pays only its new steps and its cooldown.</summary>
    public bool ContinueTrials { get; init; }
    /// <summary>The share of a continued trial's stable steps spent cooling down (Hägele et al. use
    /// 10–20%).</summary>
    public double TrialCooldown { get; init; } = 0.2;
    /// <summary>With continue_trials: the successor is the last rung's trial of the adopted recipe, continued from
    /// the state it kept before its cooldown (ASHA's promotion by resuming), so the search's steps on it are not
    /// trained again; it pays only its new steps. Falls back to a warm start from the champion, with the reason
    /// reported, when no last-rung trial ran the adopted recipe or the successor's data differs from the
    /// trials'.</summary>
    public bool ContinueSuccessor { get; init; }
    /// <summary>Seed 0 of the selection is the last rung's own pair (control and winner) when the candidate is
    /// that winner unchanged; the other seeds are fresh and must confirm the effect on their own.</summary>
    public bool ReuseLastRung { get; init; }
    /// <summary>At most this many of the last rung's winners race in the selection: the best one and those whose
    /// 95% CI at the last rung overlaps its CI (the rung could not tell them apart). Each runs on the selection's
    /// seeds against one shared control; the best mean effect that passes is adopted. 1: the rung's best
    /// alone.</summary>
    public int Finalists { get; init; } = 1;
    public IReadOnlyList<Dimension> SearchSpace { get; init; } = Research.SearchSpace.Default.Dimensions;
    /// <summary>The floor a searched learning_rate decays to, as a share of it: min_learning_rate follows it.</summary>
    public double LearningRateFloor { get; init; } = Research.SearchSpace.DefaultFloorRatio;
}

public sealed record SelfGenerationConfig
{
    public bool Enabled { get; init; } = true;
    /// <summary>Problems the champion answers per generation, at each difficulty beyond its training range.</summary>
    public int ProblemsPerDifficulty { get; init; } = 400;
    /// <summary>How many difficulties past the hardest one trained on so far.</summary>
    public int DifficultiesAhead { get; init; } = 1;
    /// <summary>exact (the family's checker), majority (agreement across samples), or none (keep everything).</summary>
    public string Filter { get; init; } = "exact";
    /// <summary>Samples per problem for the majority filter.</summary>
    public int Samples { get; init; } = 5;
    public double SampleTemperature { get; init; } = 0.7;
    /// <summary>A difficulty joins the training range once the champion's public accuracy there reaches this.</summary>
    public double MasteryAccuracy { get; init; } = 0.9;
}

public sealed record PromotionConfig
{
    /// <summary>Sealed curriculum slices the Verifier scores champion and successor on.</summary>
    public string Difficulties { get; init; } = "1-5";
    public int ItemsPerSlice { get; init; } = 150;
    /// <summary>Largest allowed accuracy loss on any slice.</summary>
    public double Tolerance { get; init; } = 0.03;
    /// <summary>Gate: the share of kept self-generated labels that are correct must be at least this (a
    /// generation that kept nothing passes). Measured with the exact checker, whatever the filter.</summary>
    public double MinKeptLabelAccuracy { get; init; } = 0.9;
}

/// <summary>Stages where the loop stops until a named person approves or rejects (`successor
/// approve|reject`).</summary>
public sealed record GatesConfig
{
    /// <summary>Every promotion the Verifier accepts also needs a person's approval.</summary>
    public bool Promotion { get; init; }
    /// <summary>A critical incident pauses the loop at its next safe point until a person decides.</summary>
    public bool Incidents { get; init; } = true;
    /// <summary>Raising a budget on resume needs a person's approval.</summary>
    public bool BudgetIncrease { get; init; } = true;
    /// <summary>A successor whose self-generated share moves further than this from its champion's needs a
    /// person's approval (1: never asks).</summary>
    public double DataMixChange { get; init; } = 1;
}

/// <summary>Gaming, collapse and compounding-error monitors.</summary>
public sealed record SafetyConfig
{
    /// <summary>What the researcher learns of the sealed holdout: none, or thresholdout (the champion's holdout
    /// score through Dwork et al.'s reusable holdout, with a budget of over-threshold answers).</summary>
    public string HoldoutFeedback { get; init; } = "none";
    public int ThresholdoutBudget { get; init; } = 20;
    /// <summary>Alarm when a successor's public-validation gain exceeds its sealed gain by this many standard
    /// errors.</summary>
    public double DivergenceZ { get; init; } = 3;
    /// <summary>Halt when the checks' cumulative reliability, projected this many generations ahead, falls below
    /// min_projected_reliability.</summary>
    public int ReliabilityHorizon { get; init; } = 10;
    public double MinProjectedReliability { get; init; } = 0.5;
    /// <summary>Alarm when the kept answers' distinct-2 share is below this fraction of the true answers' to the
    /// same prompts (1: as varied as the truth).</summary>
    public double MinDiversityRatio { get; init; } = 0.5;
    /// <summary>Alarm when the reference model (the first champion, trained on original data only) finds the
    /// kept answers more than this many times as perplexing as the true answers, or less than 1/this.</summary>
    public double MaxPerplexityDrift { get; init; } = 2;
    /// <summary>Alarm when the kept answers hold less than this share of the rare 3-grams (over every posed
    /// problem's true answer) that the true answers of the kept prompts hold.</summary>
    public double MinTailCoverage { get; init; } = 0.5;
    /// <summary>Severity of the trial-stream anomalies (outliers, loss change points, throughput drops): warning
    /// (recorded and shown) or critical (the candidate fails closed and the loop waits for a person).</summary>
    public string AnomalySeverity { get; init; } = "warning";
}
