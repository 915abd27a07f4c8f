// The paired bootstrap with draws the test controls: identical scores give no difference and p = 1; the
// draws are asked for exactly resamples × items times.
namespace Successor.Statistics.Tests;

public sealed class PairedBootstrapTests
{
    [Fact]
    public void Identical_scores_give_no_difference_and_a_p_value_of_one()
    {
        double[] a = [0, 1, 1, 0, 1];
        int draws = 0;
        var random = new Random(1);
        var c = PairedBootstrap.Compare(a, a, PairedBootstrap.MinResamples, n => { draws++; return random.Next(n); });
        Assert.Equal((0.0, 0.0, 0.0, 1.0), (c.Difference, c.Low, c.High, c.PValue));
        Assert.Equal(PairedBootstrap.MinResamples * a.Length, draws);
    }

    [Fact]
    public void Unpaired_or_undersampled_input_is_refused()
    {
        Func<int, int> first = _ => 0;
        Assert.Contains("same items",
            Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare([1.0], [1.0, 0.0], 1000, first)).Message);
        Assert.Contains("at least 1000",
            Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare([1.0], [1.0], 10, first)).Message);
    }
}
