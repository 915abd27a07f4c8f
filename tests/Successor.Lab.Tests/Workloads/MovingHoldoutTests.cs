// The sealed holdout moves with the frontier: the judge's slices always reach a set number of difficulties past
// the champion's horizon (the hardest slice it answers half right), measured on the slices sealed so far; it
// only ever adds slices.
using Successor.Lab.Config;
using Successor.Lab.Workloads;
using Successor.Models.Gpt;
using Successor.Tensors.Fast;

namespace Successor.Lab.Tests.Workloads;

public sealed class MovingHoldoutTests
{
    /// <summary>A model answering every length up to `reach` at 99%: its horizon on slices is the largest of them
    /// it covers.</summary>
    static Func<IReadOnlyList<int>, int> Reaching(int reach, List<IReadOnlyList<int>>? asked = null) => slices =>
    {
        asked?.Add([.. slices]);
        return slices.Where(d => d <= reach).DefaultIfEmpty(0).Max();
    };

    [Fact]
    public void Slices_grow_until_enough_lie_past_the_horizon_measuring_it_again_on_each_new_set()
    {
        var asked = new List<IReadOnlyList<int>>();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], MovingHoldout.Slices([1, 2, 3, 4, 5], 3, Reaching(7, asked)));
        // 1–5: horizon 5, so up to 8; on 1–8 it is 7, so up to 10; on 1–10 still 7: done
        Assert.Equal([5, 8, 10], asked.Select(a => a[^1]));
    }

    [Fact]
    public void A_champion_far_below_the_top_keeps_the_configured_slices_and_zero_turns_it_off()
    {
        Assert.Equal([1, 2, 3, 4, 5], MovingHoldout.Slices([1, 2, 3, 4, 5], 3, Reaching(2)));
        Assert.Equal([2, 4, 6], MovingHoldout.Slices([6, 2, 4], 2, Reaching(3)));
        Assert.Equal([1, 2, 3], MovingHoldout.Slices([1, 2, 3], 0, Reaching(50)));
    }

    [Fact]
    public void A_model_that_answers_every_length_stops_at_the_ceiling()
    {
        var slices = MovingHoldout.Slices([1, 2, 3], 3, Reaching(int.MaxValue));
        Assert.Equal(MovingHoldout.Ceiling, slices[^1]);
        Assert.Equal(Enumerable.Range(1, MovingHoldout.Ceiling), slices);
    }

    static readonly ModelConfig Small = new() { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 };

    /// <summary>Through the workload the judge runs: an untrained model answers no slice half right, so its slices end
    /// at difficulties_past_horizon, past the configured ones; with 0 they stay as configured.</summary>
    [Fact]
    public void The_judges_slices_reach_past_the_horizon_it_measures_on_the_model()
    {
        var promotion = new PromotionConfig { Difficulties = "1", ItemsPerSlice = 30, DifficultiesPastHorizon = 2 };
        using var untrained = new GptModel(Small, new FastKernels());
        untrained.Initialize(3);
        var moving = new CurriculumWorkload(new CurriculumConfig(), 1, promotion, sealedSeed: 99).Score(untrained);
        Assert.Equal((0, 2), (moving.Standing.ReliableHorizon, moving.Standing.SealedThrough));
        Assert.Contains("99% horizon 0 (sealed d≤2)", moving.Text);
        var fixedSlices =
            new CurriculumWorkload(new CurriculumConfig(), 1, promotion with { DifficultiesPastHorizon = 0 }, 99);
        Assert.Equal(1, fixedSlices.Score(untrained).Standing.SealedThrough);
    }
}
