// The divergence monitor must set public against sealed gains on the same slices: a successor that learned
// lengths the moving holdout has not reached yet is not gaming, and one that learned the public answers still
// is. The sealed side is rebuilt from the judge's per-slice paired counts alone.
using Successor.Evaluation.Statistics;
using Successor.Lab.Stages;
using Successor.Safety.Monitors;
using Successor.Statistics;

namespace Successor.Lab.Tests.Stages;

public sealed class ComparableGainsTests
{
    const int PerPublicSlice = 50, PerSealedSlice = 200;

    /// <summary>Public items on radd d=1–12, in the public order; `right(model, d, draw)` says who answered.</summary>
    static (List<(string, int)> Slices, double[] Champion, double[] Successor) Public(
        Func<bool, int, int, bool> right)
    {
        var slices = new List<(string, int)>();
        var (a, b) = (new List<double>(), new List<double>());
        for (int d = 1; d <= 12; d++)
            for (int i = 0; i < PerPublicSlice; i++)
            {
                slices.Add(("radd", d));
                a.Add(right(false, d, i) ? 1 : 0);
                b.Add(right(true, d, i) ? 1 : 0);
            }
        return (slices, [.. a], [.. b]);
    }

    /// <summary>A sealed verdict on radd d=1–`top`, with `slice(d)` = (champion's right answers, lost, gained) of
    /// 200 and an overall comparison computed from the same counts.</summary>
    static Verdict Sealed(int top, Func<int, (int Right, int Lost, int Gained)> slice)
    {
        var deltas = Enumerable.Range(1, top).Select(d =>
        {
            var (right, lost, gained) = slice(d);
            return new SliceDelta("radd", d, right / (double)PerSealedSlice,
                (right - lost + gained) / (double)PerSealedSlice, PerSealedSlice, lost, gained);
        }).ToList();
        double a = deltas.Average(s => s.AccuracyA), b = deltas.Average(s => s.AccuracyB);
        var overall = new Comparison(a, b, b - a, b - a - 0.01, b - a + 0.01, 0.5, top * PerSealedSlice, 1000);
        return new Verdict(true, overall, deltas, 0.02, "better");
    }

    [Fact]
    public void Gains_on_lengths_the_holdout_has_not_reached_are_not_taken_for_gaming()
    {
        // The successor learned 10–12 digits; the moving holdout is sealed to 9, where both answer everything.
        var (slices, champion, successor) = Public((successorModel, d, _) => d <= 9 || successorModel);
        var verdict = Sealed(9, _ => (PerSealedSlice, 0, 0));
        var whole = SeededBootstrap.Compare(champion, successor, PairedBootstrap.MinResamples, 5);
        Assert.True(Divergence.Check(Estimate(whole), Estimate(verdict.Overall)).Alarm,
            "the whole public set against the holdout is the false alarm this guards against");

        var gains = ComparableGains.Of(slices, champion, successor, verdict, 5)!;
        Assert.Equal("radd d=1–9", gains.Scope);
        Assert.Equal(9 * PerPublicSlice, gains.Public.Items);
        Assert.Equal(0, gains.Public.Difference);
        Assert.False(Divergence.Check(Estimate(gains.Public), Estimate(gains.Sealed)).Alarm);
    }

    [Fact]
    public void Public_answers_learned_without_the_skill_still_alarm_on_the_shared_slices()
    {
        // Publicly the successor now answers every 5–9 digit sum; on the sealed side it lost as many as it gained.
        var (slices, champion, successor) = Public((successorModel, d, i) => d <= 4 || successorModel || i % 2 == 0);
        var verdict = Sealed(9, d => d <= 4 ? (PerSealedSlice, 0, 0) : (100, 20, 20));
        var gains = ComparableGains.Of(slices, champion, successor, verdict, 5)!;
        Assert.Equal(0, gains.Sealed.Difference, 12);
        Assert.Equal(5 * PerPublicSlice / 2 / (9.0 * PerPublicSlice), gains.Public.Difference, 12);
        var check = Divergence.Check(Estimate(gains.Public), Estimate(gains.Sealed));
        Assert.True(check.Alarm, check.Reason);
    }

    [Fact]
    public void The_sealed_gain_is_rebuilt_from_the_paired_counts_of_the_shared_slices_only()
    {
        var (slices, champion, successor) = Public((_, d, _) => d <= 3);
        // d=6: the champion 180 right, the successor lost 3 and gained 10; d=14 lies past every public slice.
        var verdict = Sealed(14, d => d switch { 6 => (180, 3, 10), 14 => (0, 0, 200), _ => (150, 0, 0) });
        var gains = ComparableGains.Of(slices, champion, successor, verdict, 5)!;
        Assert.Equal("radd d=1–12", gains.Scope);
        Assert.Equal(12 * PerSealedSlice, gains.Sealed.Items);
        Assert.Equal(7.0 / (12 * PerSealedSlice), gains.Sealed.Difference, 12);
        Assert.Equal((11 * 150 + 180) / (12.0 * PerSealedSlice), gains.Sealed.MeanA, 12);
        Assert.True(gains.Sealed.Low <= gains.Sealed.Difference && gains.Sealed.Difference <= gains.Sealed.High);
    }

    [Fact]
    public void Without_slices_on_one_side_the_whole_sets_are_compared_and_with_none_shared_nothing_is()
    {
        var (slices, champion, successor) = Public((_, _, _) => true);
        var verdict = Sealed(3, _ => (PerSealedSlice, 0, 0));
        var text = ComparableGains.Of(null, champion, successor, verdict, 5)!;
        Assert.Null(text.Scope);
        Assert.Same(verdict.Overall, text.Sealed);
        Assert.Equal(12 * PerPublicSlice, text.Public.Items);

        var accuracies = verdict with { Slices = [.. verdict.Slices.Select(s => s with { Count = null })] };
        Assert.Null(ComparableGains.Of(slices, champion, successor, accuracies, 5)!.Scope);

        var elsewhere = verdict with { Slices = [.. verdict.Slices.Select(s => s with { Family = "rmul" })] };
        Assert.Null(ComparableGains.Of(slices, champion, successor, elsewhere, 5));
    }

    [Fact]
    public void Counts_that_do_not_fit_their_slice_are_refused_with_the_slice_named()
    {
        var (slices, champion, successor) = Public((_, _, _) => true);
        var verdict = Sealed(3, d => d == 2 ? (10, 20, 0) : (PerSealedSlice, 0, 0));
        var e = Assert.Throws<ArgumentException>(() => ComparableGains.Of(slices, champion, successor, verdict, 5));
        Assert.Contains("radd d=2", e.Message);
        Assert.Throws<ArgumentException>(() => ComparableGains.Of(slices.Take(10).ToList(), champion, successor,
            verdict, 5));
    }

    static GainEstimate Estimate(Comparison c) => new(c.Difference, c.Low, c.High);
}
