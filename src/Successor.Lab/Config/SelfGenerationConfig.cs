// What the champion generates for itself: harder problems it answers, the filter that keeps some, and
// when a difficulty counts as learned.

namespace Successor.Lab.Config;

public sealed record SelfGenerationConfig
{
    public bool Enabled { get; init; } = true;
    /// <summary>Problems the champion answers per generation, at each difficulty beyond its training range.</summary>
    public int ProblemsPerDifficulty { get; init; } = 1000;
    /// <summary>How many difficulties past the hardest one trained on so far.</summary>
    public int DifficultiesAhead { get; init; } = 2;
    [TemplateComment("exact (the family's checker), majority (agreement across samples of the champion), vote " +
        "(agreement across the champion and its siblings, with a length filter; docs/LAB.md) or none.")]
    public string Filter { get; init; } = "exact";
    /// <summary>Samples per problem for the majority filter.</summary>
    public int Samples { get; init; } = 5;
    public double SampleTemperature { get; init; } = 0.7;
    [TemplateComment("Models that vote with the vote filter: the champion and voters - 1 siblings trained beside " +
        "it from other seeds, each costing a successor's training.")]
    public int Voters { get; init; } = 3;
    [TemplateComment("With the none filter, true: the champion and voters - 1 siblings still answer every curated " +
        "problem and nothing is dropped, but lengths they all answer alike move the frontier as under vote: the " +
        "vote's unfiltered twin, differing only in what is kept.")]
    public bool Witnesses { get; init; }

    /// <summary>True when the champion has siblings: the vote's voters, or the none filter's witnesses.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasSiblings => Enabled && (Filter == "vote" || Filter == "none" && Witnesses);
    [TemplateComment("mastery (the next curation starts past the lengths the champion masters) or schedule (past " +
        "the lengths just curated, learned or not: one round a length, as Lee et al. admit them).")]
    public string Advance { get; init; } = "mastery";
    /// <summary>True when the frontier moves past every curated length each generation.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool OnSchedule => Advance == "schedule";
    [TemplateComment("A difficulty counts as learned once public accuracy there reaches this.")]
    public double MasteryAccuracy { get; init; } = 0.99;
}
