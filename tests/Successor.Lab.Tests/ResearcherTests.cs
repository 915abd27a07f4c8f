using Successor.Lab.Config;
using Successor.Research;
using Successor.Training.Recipes;

namespace Successor.Lab.Tests;

public sealed class ResearcherTests
{
    static readonly SearchSpace Space = SearchSpace.Default;

    static ResearchContext Context(int g, IReadOnlyList<Finding> memory, ulong seed = 5) =>
        new(g, LabDefaults.Recipe, [new PublicWeakness("radd d=4", 0.2, "accuracy")], memory, seed);

    [Fact]
    public void Proposals_are_valid_recipe_changes_that_name_their_target()
    {
        foreach (var name in Researchers.Names)
        {
            var proposals = Researchers.Create(name, Space).Propose(Context(1, []), 4);
            Assert.Equal(4, proposals.Count);
            foreach (var p in proposals)
            {
                Assert.Contains("radd d=4", p.Targets);
                var recipe = RecipeJson.Override(LabDefaults.Recipe, p.Overrides); // throws when invalid
                Assert.InRange(recipe.LearningRate, 3e-4 * 0.999, 1e-2 * 1.001);
                Assert.Equal(recipe.LearningRate * SearchSpace.DefaultFloorRatio, recipe.MinLearningRate, 6);
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    public void A_searched_learning_rate_brings_its_floor_at_the_configured_share(double share)
    {
        var space = new SearchSpace(Space.Dimensions, share);
        foreach (var p in new RandomResearcher(space).Propose(Context(1, []), 4))
        {
            var recipe = RecipeJson.Override(LabDefaults.Recipe, p.Overrides);
            // values print to 4 digits
            Assert.Equal(recipe.LearningRate * share, recipe.MinLearningRate, tolerance: recipe.LearningRate * 1e-3);
        }
    }

    [Fact]
    public void The_same_context_gives_the_same_proposals()
    {
        var a = new RandomResearcher(Space).Propose(Context(2, []), 3);
        var b = new RandomResearcher(Space).Propose(Context(2, []), 3);
        var c = new RandomResearcher(Space).Propose(Context(3, []), 3);
        Assert.Equal(a.SelectMany(p => p.Overrides), b.SelectMany(p => p.Overrides));
        Assert.NotEqual(a.SelectMany(p => p.Overrides), c.SelectMany(p => p.Overrides));
    }

    [Fact]
    public void Coordinates_round_trip_through_overrides()
    {
        double[] u = [0.1, 0.5, 0.9, 0.5, 0.25];
        var back = Space.Coordinates(Space.Overrides(u))!;
        for (int i = 0; i < u.Length; i++) Assert.Equal(u[i], back[i], 2);
        Assert.Null(Space.Coordinates([]));
    }

    /// <summary>A named choice (the schedule) is proposed by name, applies to a recipe, and reads back to the
    /// centre of its cell; a value outside the choices makes a finding not comparable rather than a guess.</summary>
    [Fact]
    public void A_named_choice_is_proposed_by_name_and_read_back()
    {
        var space = new SearchSpace([new("schedule", Scale.Choice, Choices: ["cosine", "linear", "constant"]),
            new("learning_rate", Scale.Log, 1e-4, 1e-2)]);
        var overrides = space.Overrides([0.9, 0.5]);
        Assert.Equal("schedule=constant", overrides[0]);
        Assert.Equal(Schedule.Constant, RecipeJson.Override(LabDefaults.Recipe, overrides).Schedule);
        Assert.Equal([0.833, 0.5], space.Coordinates(overrides)!.Select(x => Math.Round(x, 3)));
        Assert.Null(space.Coordinates(["schedule=wsd", "learning_rate=1e-3"]));
        Assert.Equal(["learning_rate=0.003", "min_learning_rate=0.0003"],
            new SearchSpace([new("learning_rate", Scale.Choice, Choices: ["0.003"])]).Overrides([0.5]));
        Assert.Equal("learning_rate: choices must be numbers",
            new Dimension("learning_rate", Scale.Choice, Choices: ["high"]).Validate());
        foreach (var name in Researchers.Names)
            foreach (var p in Researchers.Create(name, space).Propose(Context(1, []), 6))
                Assert.Contains(RecipeJson.Override(LabDefaults.Recipe, p.Overrides).Schedule,
                    new[] { Schedule.Cosine, Schedule.Linear, Schedule.Constant });
    }

    /// <summary>Generation 1's findings look best on public validation, generation 2's less so. Once
    /// Thresholdout answers generation 1's candidate from the holdout (public and holdout disagreed), TPE
    /// stops counting generation 1's findings as good and proposes near generation 2's.</summary>
    [Fact]
    public void Tpe_sets_aside_the_findings_of_a_generation_that_thresholdout_answered_from_the_holdout()
    {
        Finding At(int g, double u, double effect, int i) =>
            new(g, $"p{i}", Space.Overrides([.. Space.Dimensions.Select((_, d) =>
                Math.Clamp(u + 0.02 * ((i + d) % 3 - 1), 0, 1))]), 100, 0, effect, 0, 0);
        var memory = Enumerable.Range(0, 6).Select(i => At(1, 0.9, 0.3 + 0.01 * i, i))
            .Concat(Enumerable.Range(0, 6).Select(i => At(2, 0.1, 0.1 + 0.01 * i, i))).ToList();
        double MeanCoordinate(IReadOnlyList<Proposal> proposals) =>
            proposals.SelectMany(p => Space.Coordinates(p.Overrides)!).Average();
        var trusting = new TpeResearcher(Space).Propose(Context(3, memory), 4);
        var wary = new TpeResearcher(Space).Propose(Context(3, memory) with { Holdout = [new HoldoutAnswer(1, 0.05,
            FromHoldout: true, Refused: false), new HoldoutAnswer(2, 0.2, false, false)] }, 4);
        Assert.True(MeanCoordinate(trusting) > 0.6, $"trusting: {MeanCoordinate(trusting):0.00}");
        Assert.True(MeanCoordinate(wary) < 0.4, $"wary: {MeanCoordinate(wary):0.00}");
        Assert.All(wary, p =>
            Assert.Contains("6 set aside (generations 1: Thresholdout answered from the holdout)", p.Rationale));
    }

    /// <summary>An earlier lab's findings (research.memory_from) make the first batch TPE's, near the earlier best,
    /// and this lab's holdout answers never set them aside: their generation numbers are the earlier lab's.</summary>
    [Fact]
    public void Tpe_warm_started_by_an_earlier_labs_findings_proposes_near_its_best_from_the_first_batch()
    {
        Finding At(double u, double effect, int i) =>
            new(1, $"p{i}", Space.Overrides([.. Space.Dimensions.Select((_, d) =>
                Math.Clamp(u + 0.02 * ((i + d) % 3 - 1), 0, 1))]), 100, 0, effect, 0, 0) { Source = "earlier" };
        var earlier = Enumerable.Range(0, 4).Select(i => At(0.85, 0.3 + 0.01 * i, i))
            .Concat(Enumerable.Range(4, 8).Select(i => At(0.15, -0.1 - 0.01 * i, i))).ToList();
        double MeanCoordinate(IReadOnlyList<Proposal> proposals) =>
            proposals.SelectMany(p => Space.Coordinates(p.Overrides)!).Average();
        var cold = new TpeResearcher(Space).Propose(Context(1, []), 4);
        var warm = new TpeResearcher(Space).Propose(Context(1, earlier) with
            { Holdout = [new HoldoutAnswer(1, 0.05, FromHoldout: true, Refused: false)] }, 4);
        Assert.All(cold, p => Assert.Contains("Latin hypercube", p.Rationale));
        Assert.StartsWith("TPE over 12 findings (2 good)", warm[0].Rationale);
        Assert.All(warm, p => Assert.StartsWith("TPE over ", p.Rationale));
        Assert.True(MeanCoordinate(warm) > 0.6, $"warm: {MeanCoordinate(warm):0.00}");
        Assert.InRange(MeanCoordinate(cold), 0.35, 0.65);
    }

    /// <summary>On the synthetic objective, one batch of 4 proposals warm-started by an earlier search of the same
    /// landscape (10 generations, another seed) finds a better point than a cold first batch in most of 30 runs.
    /// </summary>
    [Fact]
    public void An_earlier_search_of_the_same_landscape_makes_the_first_batch_better()
    {
        double[] optimum = [0.8, 0.2, 0.7, 0.5, 0.3];
        double Objective(IReadOnlyList<string> overrides) =>
            -Space.Coordinates(overrides)!.Select((x, i) => (x - optimum[i]) * (x - optimum[i])).Sum();
        List<Finding> Search(ulong seed, int generations, IReadOnlyList<Finding> prior)
        {
            var memory = new List<Finding>();
            for (int g = 1; g <= generations; g++)
                foreach (var p in new TpeResearcher(Space).Propose(Context(g, [.. prior, .. memory], seed), 4))
                    memory.Add(new Finding(g, p.Id, p.Overrides, 100, 0, Objective(p.Overrides), 0, 0));
            return memory;
        }
        var pairs = Enumerable.Range(1, 30).Select(s =>
        {
            var earlier = Search((ulong)s + 1000, 10, []).Select(f => f with { Source = "earlier" }).ToList();
            return (Warm: Search((ulong)s, 1, earlier).Max(f => f.Effect),
                Cold: Search((ulong)s, 1, []).Max(f => f.Effect));
        }).ToList();
        int wins = pairs.Count(p => p.Warm > p.Cold);
        Assert.True(wins > 20, $"warm-started first batch better in {wins} of 30");
    }

    [Fact]
    public void A_latin_hypercube_puts_one_point_in_every_stratum_of_every_dimension()
    {
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var points = TpeResearcher.LatinHypercube(5, 3, Tensors.Rng.For(seed));
            for (int d = 0; d < 3; d++)
                Assert.Equal([0, 1, 2, 3, 4], points.Select(p => (int)(p[d] * 5)).Order());
        }
        Assert.NotEqual(TpeResearcher.LatinHypercube(5, 3, Tensors.Rng.For(1)).Select(p => p[0]),
            TpeResearcher.LatinHypercube(5, 3, Tensors.Rng.For(2)).Select(p => p[0]));
    }

    /// <summary>Before TPE has findings to learn from, its first batch covers the learning-rate range:
    /// one proposal in each quarter of the log range, for every seed.</summary>
    [Fact]
    public void Tpe_starts_with_one_learning_rate_in_each_quarter_of_the_log_range()
    {
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var quarters = new TpeResearcher(Space).Propose(Context(1, [], seed), 4)
                .Select(p => RecipeJson.Override(LabDefaults.Recipe, p.Overrides).LearningRate)
                .Select(lr => Math.Clamp((int)Math.Floor(4 * Math.Log(lr / 3e-4) / Math.Log(1e-2 / 3e-4)), 0, 3))
                    .Order();
            Assert.Equal([0, 1, 2, 3], quarters);
        }
    }

    /// <summary>On a smooth synthetic objective with its optimum inside the cube, TPE's best finding after
    /// 40 evaluations beats random search's in most of 30 seeded runs, and on average.</summary>
    [Fact]
    public void Tpe_beats_random_search_on_a_synthetic_objective_at_equal_budget()
    {
        double[] optimum = [0.8, 0.2, 0.7, 0.5, 0.3];
        double Objective(IReadOnlyList<string> overrides)
        {
            var u = Space.Coordinates(overrides)!;
            return -u.Select((x, i) => (x - optimum[i]) * (x - optimum[i])).Sum();
        }
        double Best(IResearcher researcher, ulong seed)
        {
            var memory = new List<Finding>();
            for (int g = 1; g <= 10; g++)
                foreach (var p in researcher.Propose(Context(g, memory, seed), 4))
                    memory.Add(new Finding(g, p.Id, p.Overrides, 100, 0, Objective(p.Overrides), 0, 0));
            return memory.Max(f => f.Effect);
        }
        var tpe = Enumerable.Range(1, 30).Select(s => Best(new TpeResearcher(Space), (ulong)s)).ToList();
        var random = Enumerable.Range(1, 30).Select(s => Best(new RandomResearcher(Space), (ulong)s)).ToList();
        Assert.True(tpe.Average() > random.Average(),
            $"TPE mean best {tpe.Average():0.0000}, random {random.Average():0.0000}");
        Assert.True(tpe.Zip(random).Count(p => p.First > p.Second) > 15,
            $"TPE won {tpe.Zip(random).Count(p => p.First > p.Second)} of 30");
    }

    [Fact]
    public void Researchers_cannot_reach_the_verifier_or_the_curriculum_partition()
    {
        var references = typeof(IResearcher).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("Successor.Evaluation", references);
        Assert.DoesNotContain("Successor.Data", references);
        Assert.DoesNotContain("Successor.Ledger", references);
    }
}
