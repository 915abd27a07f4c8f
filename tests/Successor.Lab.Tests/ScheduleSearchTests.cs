// The loop can search the schedule's shape itself: schedule, cooldown shape, cooldown length (a share of the
// run) and the floor (a share of the searched peak). Every proposal is a valid recipe, whatever the schedule
// drawn, and its coordinates come back from its overrides, so TPE learns from the findings.
using Successor.Lab.Config;
using Successor.Research;
using Successor.Training.Recipes;

namespace Successor.Lab.Tests;

public sealed class ScheduleSearchTests
{
    static readonly SearchSpace Space = new([
        new("learning_rate", Scale.Log, 1e-4, 1e-2),
        new("schedule", Scale.Choice, Choices: ["cosine", "linear", "constant", "wsd"]),
        new("cooldown_shape", Scale.Choice, Choices: ["linear", "sqrt"]),
        new("cooldown_fraction", Scale.Linear, 0.1, 0.5),
        new(SearchSpace.FloorKey, Scale.Linear, 0, 1),
    ]);

    static readonly Recipe Plain = LabDefaults.Recipe with
        { LearningRate = 3e-4, MinLearningRate = 3e-4, Schedule = Schedule.Constant, WarmupSteps = 0 };

    [Fact]
    public void Every_drawn_schedule_is_a_valid_recipe_with_its_floor_at_the_drawn_share()
    {
        var seen = new HashSet<Schedule>();
        foreach (var p in new RandomResearcher(Space).Propose(
            new ResearchContext(1, Plain, [], [], 3), 40))
        {
            var recipe = RecipeJson.Override(Plain, p.Overrides); // throws when invalid
            Assert.Empty(recipe.Validate());
            seen.Add(recipe.Schedule);
            var u = Space.Coordinates(p.Overrides)!;
            Assert.Equal(Space.Dimensions[4].Value(u[4]) * recipe.LearningRate, recipe.MinLearningRate,
                tolerance: recipe.LearningRate * 2e-3);
            if (recipe.Schedule != Schedule.Wsd)
                Assert.True(recipe.CooldownShape == CooldownShape.Linear && recipe.CooldownFraction == 0);
        }
        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void A_wsd_point_round_trips_through_its_overrides()
    {
        double[] u = [0.3, 0.875, 0.75, 0.5, 0.2]; // a choice comes back at the centre of its cell
        var overrides = Space.Overrides(u);
        Assert.Contains("schedule=wsd", overrides);
        Assert.Contains("cooldown_shape=sqrt", overrides);
        Assert.Contains("cooldown_fraction=0.3", overrides);
        var back = Space.Coordinates(overrides)!;
        for (int i = 0; i < u.Length; i++) Assert.Equal(u[i], back[i], 2);
        Assert.Equal(0.3, RecipeJson.Override(Plain, overrides).CooldownFraction);
    }

    [Fact]
    public void A_floor_without_a_searched_peak_is_refused()
    {
        Assert.NotNull(SearchSpace.Validate([new(SearchSpace.FloorKey, Scale.Linear, 0, 1)]));
        Assert.NotNull(SearchSpace.Validate([new("learning_rate", Scale.Log, 1e-4, 1e-2),
            new(SearchSpace.FloorKey, Scale.Log, 0.01, 1)]));
        Assert.Null(SearchSpace.Validate(Space.Dimensions));
    }

    [Fact]
    public void A_continued_trial_cools_down_over_the_searched_share_of_its_run()
    {
        var config = new LabConfig { Research = new ResearchConfig { ContinueTrials = true }, Recipe = Plain };
        var searched = Plain with { Schedule = Schedule.Wsd, CooldownFraction = 0.2 };
        var recipes = new Successor.Lab.Trials.TrialRecipes(config);
        var trial = recipes.Trial(searched, 100, 1);
        Assert.Equal((125, 25, 0.0), (trial.Steps, trial.CooldownSteps, trial.CooldownFraction));
        Assert.Empty(trial.Validate());
        var fixedShare = recipes.Trial(searched with { CooldownFraction = 0 }, 100, 1);
        Assert.Equal(120, fixedShare.Steps); // research.trial_cooldown's 0.2 of the stable steps
    }
}
