// A lab: what it trains on, how much compute it may spend, how it searches, what it generates for
// itself and what a successor must pass to be promoted. Written by `successor init` as commented JSON;
// every field has a default, so a config lists only what differs.
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
    /// <summary>"on": every worker runs in an operating-system sandbox (Lab/Sandbox), and the lab refuses to
    /// start where none can be built; "off": workers are plain child processes, and the ledger says so.</summary>
    public string Sandbox { get; init; } = "on";
    /// <summary>The first champion's recipe; successors change it through accepted proposals.</summary>
    public Recipe Recipe { get; init; } = LabDefaults.Recipe;
}
