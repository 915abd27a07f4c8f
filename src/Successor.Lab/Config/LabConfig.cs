// A lab: what it trains on, how much compute it may spend, how it searches, what it generates for
// itself and what a successor must pass to be promoted. Written by `successor init` as commented JSON;
// every field has a default, so a config lists only what differs.
using System.Text.Json.Serialization;
using Successor.Training.Recipes;

namespace Successor.Lab.Config;

public sealed record LabConfig
{
    [TemplateComment("Shown in status lines and recorded in the ledger.")]
    public string Name { get; init; } = "lab";
    [TemplateComment("Every trial, proposal and sampled problem derives from it: the same seed gives the same lab.")]
    public ulong Seed { get; init; } = 1;
    /// <summary>Generations after the first champion; the lab stops earlier when a budget runs out.</summary>
    [TemplateComment("Successors to attempt after the first champion.")]
    public int Generations { get; init; } = 5;
    [TemplateComment("Built-in task families (radd, add, mul, copy, rev, sort, kv, bal) and difficulty ranges.")]
    public CurriculumConfig Curriculum { get; init; } = new();
    [TemplateComment("A folder written by successor data split: train on its text instead of the curriculum " +
        "(null: curriculum).")]
    public string? Split { get; init; }
    /// <summary>Left out of the JSON when null, so that the configs and hashes of labs without it stay as they
    /// were.</summary>
    [TemplateComment("A checkpoint folder (successor import --format hf-gpt2 writes one) to start from: its " +
        "model is the first champion, not trained by the lab; recipe.model must be its model.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirstChampion { get; init; }
    [TemplateComment("Compute caps. A trial that outlives trial_seconds is killed and recorded as failed.")]
    public BudgetConfig Budgets { get; init; } = new();
    [TemplateComment("The researcher proposes recipe changes; trials run them in worker processes.")]
    public ResearchConfig Research { get; init; } = new();
    [TemplateComment("The champion answers harder problems; a filter keeps some; " +
        "kept data is mixed into, never substituted for, the original data.")]
    public SelfGenerationConfig SelfGeneration { get; init; } = new();
    [TemplateComment("A successor is promoted only when the Verifier finds it genuinely better on the sealed holdout.")]
    public PromotionConfig Promotion { get; init; } = new();
    [TemplateComment("Stages that wait for a named person (successor approve|reject); " +
        "the loop and researchers can never decide.")]
    public GatesConfig Gates { get; init; } = new();
    [TemplateComment("Monitors for gaming, collapse and compounding error; their alarms are incidents in the ledger.")]
    public SafetyConfig Safety { get; init; } = new();
    [TemplateComment("The process that alone reads the sealed holdout and its secrets (.successor/judge/).")]
    public JudgeConfig Judge { get; init; } = new();
    /// <summary>"on": every worker runs in an operating-system sandbox (Lab/Sandbox), and the lab refuses to
    /// start where none can be built; "off": workers are plain child processes, and the ledger says so.</summary>
    [TemplateComment("on: every worker runs in a bubblewrap sandbox (no network, only its own folder writable, " +
        "no sealed data, resource limits); off: plain child processes, recorded in the ledger and the audit.")]
    public string Sandbox { get; init; } = "on";
    /// <summary>Null (and left out of the JSON, so that the configs and hashes of labs without it stay as they
    /// were): trials run on this machine's worker pool.</summary>
    [TemplateComment("Where trials run: null or kind local for this machine, kind slurm for a cluster.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExecutorConfig? Executor { get; init; }
    /// <summary>The first champion's recipe; successors change it through accepted proposals.</summary>
    [TemplateComment("The first champion's recipe (see docs/recipe.schema.json).")]
    public Recipe Recipe { get; init; } = LabDefaults.Recipe;
}
