// How the researcher searches: its strategy, the trials it runs at once, successive halving and the
// selection on fresh seeds, and the space its proposals may change.
using System.Text.Json.Serialization;
using Successor.Research;

namespace Successor.Lab.Config;

public sealed record ResearchConfig
{
    [TemplateComment("random (uniform search), tpe (tree-structured Parzen estimator over the lab's findings) or " +
        "llm (a language model; see research.language_model and docs/RESEARCHERS.md).")]
    public string Strategy { get; init; } = "tpe";
    /// <summary>Proposals per generation (the control is added to them).</summary>
    public int Proposals { get; init; } = 2;
    [TemplateComment("Trials in parallel, each its own process; keep workers x threads_per_worker <= cores.")]
    public int Workers { get; init; } = 2;
    /// <summary>Threads per worker. On the local pool a batch with fewer trials than workers shares the idle
    /// workers' threads among its trials (a lone successor trains on workers x threads_per_worker).</summary>
    public int ThreadsPerWorker { get; init; } = 1;
    /// <summary>Successive halving: keep the best 1/eta at each rung and give them eta times the steps.</summary>
    public int Eta { get; init; } = 2;
    public int Rungs { get; init; } = 1;
    /// <summary>Seeds the selected change is re-run with; a single lucky seed is never a finding.</summary>
    [TemplateComment("Seeds the winning change is re-run with before it counts (at least 2).")]
    public int SelectionSeeds { get; init; } = 2;
    /// <summary>Shrink each trial's decay in proportion to its steps over the successor's, so a short trial runs
    /// the successor's whole schedule in miniature (a fairer proxy for a long run) rather than its first steps;
    /// the warmup keeps its steps, up to half the trial.</summary>
    [TemplateComment("true: each trial runs the successor's decay shrunk to its own length, " +
        "the warmup kept up to half the trial (a fairer proxy for the long run).")]
    public bool ScaleTrialSchedules { get; init; }
    /// <summary>Successive halving on the wsd schedule: every trial holds its candidate's peak rate, then cools
    /// down over trial_cooldown of its length before it is scored; a promoted trial continues from the state
    /// its previous rung saved before cooling down, so each rung pays only its new steps and its cooldown.</summary>
    [TemplateComment("true: trials run the wsd schedule (peak held, then a cooldown) and a promoted trial continues " +
        "from its last rung's state before the cooldown, paying only new steps.")]
    public bool ContinueTrials { get; init; }
    /// <summary>The share of a continued trial's stable steps spent cooling down (Hägele et al. use
    /// 10–20%).</summary>
    [TemplateComment("With continue_trials: the share of each trial's stable steps spent cooling down " +
        "before it is scored.")]
    public double TrialCooldown { get; init; } = 0.2;
    /// <summary>With continue_trials: the successor is the last rung's trial of the adopted recipe, continued from
    /// the state it kept before its cooldown (ASHA's promotion by resuming), so the search's steps on it are not
    /// trained again; it pays only its new steps. Falls back to a warm start from the champion, with the reason
    /// reported, when no last-rung trial ran the adopted recipe or the successor's data differs from the
    /// trials'.</summary>
    [TemplateComment("With continue_trials, true: the successor continues the last rung's trial of the adopted " +
        "recipe from its state before the cooldown, paying only its new steps.")]
    public bool ContinueSuccessor { get; init; }
    /// <summary>Seed 0 of the selection is the last rung's own pair (control and winner) when the candidate is
    /// that winner unchanged; the other seeds are fresh and must confirm the effect on their own.</summary>
    [TemplateComment("true: the selection's first seed is the last rung's own pair; " +
        "the other, fresh seeds must confirm the effect on their own.")]
    public bool ReuseLastRung { get; init; }
    /// <summary>At most this many of the last rung's winners race in the selection: the best one and those whose
    /// 95% CI at the last rung overlaps its CI (the rung could not tell them apart). Each runs on the selection's
    /// seeds against one shared control; the best mean effect that passes is adopted. 1: the rung's best
    /// alone.</summary>
    [TemplateComment("Up to this many last-rung winners whose CIs overlap the best one's race in the selection on " +
        "fresh seeds against a shared control (1: the best alone).")]
    public int Finalists { get; init; } = 1;
    [TemplateComment("What proposals may change: recipe keys with a scale (linear, log, integer, choice).")]
    public IReadOnlyList<Dimension> SearchSpace { get; init; } = LabDefaults.SearchSpace;
    /// <summary>The floor a searched learning_rate decays to, as a share of it: min_learning_rate follows it.</summary>
    /// <summary>Left out of the JSON when null, so that the configs and hashes of labs without it stay as they
    /// were.</summary>
    [TemplateComment("With strategy llm: the model, its server, the name of the key's environment variable, " +
        "prices and spending caps (docs/RESEARCHERS.md).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LanguageModelConfig? LanguageModel { get; init; }
    [TemplateComment("The floor a searched learning_rate decays to, as a share of it (0.1 as nanoGPT; " +
        "0 cools down to zero).")]
    public double LearningRateFloor { get; init; } = Research.SearchSpace.DefaultFloorRatio;
    /// <summary>Plug-ins people wrote: each is compiled in a sandboxed worker and proposed in generation 1 beside
    /// the researcher's proposals, then measured like any change.</summary>
    [TemplateComment("Plug-ins people wrote, each {\"point\": \"learning_rate_schedule\", \"source\": \"file.cs\"}: "
        + "compiled in a sandboxed worker and proposed in generation 1 like any change (docs/PLUGINS.md).")]
    // left out when absent, so the configs of labs that name none keep their bytes (a resumed lab compares them)
    [System.Text.Json.Serialization.JsonIgnore(
        Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PluginFile>? Plugins { get; init; }
    /// <summary>Earlier labs whose findings begin this lab's memory: copied at the first start from ledgers that
    /// verify, recorded, and read by the researcher like its own (TPE warm-starts from them).</summary>
    [TemplateComment("Earlier labs, each {\"ledger\": \"../lab1/.successor/ledger.db\", \"lab\": \"lab1\"}, whose " +
        "findings begin this lab's memory (verified and copied into this ledger at the first start).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MemorySource>? MemoryFrom { get; init; }
}
