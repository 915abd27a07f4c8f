// The lineage sum must catch what no single generation shows — several candidates each gaining a little more
// on public validation than on the sealed holdout — and count only the promoted generations before this one.
using Successor.Lab.Stages;
using Successor.Lab.Trials;
using Successor.Records;
using Successor.Lab.Loop;
using Successor.Safety.Monitors;

namespace Successor.Lab.Tests.Loop;

public sealed class LineageDivergenceTests
{
    /// <summary>A recorded generation whose public gain exceeds its sealed gain by `excess`, each with a 95% CI of
    /// ±0.0392 (se 0.02).</summary>
    static GenerationRecord Generation(int g, bool promoted, double excess) => new()
    {
        Generation = g, Promoted = promoted, PublicImprovement = 0.05 + excess,
        PublicImprovementLow = 0.05 + excess - 0.0392,
        PublicImprovementHigh = 0.05 + excess + 0.0392, Improvement = 0.05,
        ImprovementLow = 0.05 - 0.0392, ImprovementHigh = 0.05 + 0.0392,
    };

    static (GainEstimate Public, GainEstimate Sealed) Candidate(double excess) =>
        (new GainEstimate(0.05 + excess, 0.05 + excess - 0.0392, 0.05 + excess + 0.0392),
            new GainEstimate(0.05, 0.05 - 0.0392, 0.05 + 0.0392));

    [Fact]
    public void Small_excesses_that_no_generation_shows_alone_add_up_over_the_lineage()
    {
        // Each excess is 2.5 standard errors of its own difference (se 0.02·√2): under the per-candidate z of 3.
        double excess = 2.5 * 0.02 * Math.Sqrt(2);
        var (p, s) = Candidate(excess);
        Assert.False(Divergence.Check(p, s).Alarm);
        var lineage = LineageDivergence.Lineage([Generation(1, true, excess), Generation(2, true, excess)], 3);
        var verdict = LineageDivergence.Check(lineage, p, s, 3);
        Assert.True(verdict.Alarm);
        Assert.Equal(2.5 * Math.Sqrt(3), verdict.ZValue, 9);
    }

    [Fact]
    public void Only_promoted_generations_before_this_one_with_recorded_gains_join_the_lineage()
    {
        var recorded = new[]
        {
            new GenerationRecord { Generation = 0, Promoted = true },
            Generation(1, true, 0.1), Generation(2, false, 0.1), Generation(3, true, 0), Generation(4, true, 0.1),
            new GenerationRecord { Generation = 2, Promoted = true, Improvement = 0.1 },
        };
        Assert.Equal([1, 3], LineageDivergence.Lineage(recorded, 4).Select(a => a.Generation));
        var (p, s) = Candidate(0);
        Assert.False(LineageDivergence.Check(LineageDivergence.Lineage(recorded, 1), p, s, 3).Alarm);
    }

    [Fact]
    public void A_generation_s_public_gain_is_summed_against_the_sealed_gain_it_was_compared_with()
    {
        // Generation 1 gained 0.05 on the whole holdout but 0.05 + excess on the slices public validation shares:
        // measured there, it has no excess, and only the candidate's own is left.
        double excess = 2.5 * 0.02 * Math.Sqrt(2);
        var shared = Generation(1, true, excess) with
        {
            DivergenceSealedImprovement = 0.05 + excess, DivergenceSealedImprovementLow = 0.05 + excess - 0.0392,
            DivergenceSealedImprovementHigh = 0.05 + excess + 0.0392,
        };
        var (p, s) = Candidate(excess);
        Assert.Equal(2.5 / Math.Sqrt(2), LineageDivergence.Check([shared], p, s, 3).ZValue, 9);
        Assert.Equal(2.5 * Math.Sqrt(2), LineageDivergence.Check([Generation(1, true, excess)], p, s, 3).ZValue, 9);
    }
}
