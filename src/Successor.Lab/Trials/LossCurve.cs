// A trial's loss curve as the lab keeps it: the per-step training losses averaged over blocks of equal
// length, at most MaxPoints of them, so a 1,500-step run fits in a ledger record and the change-point
// monitor sees a curve with the same meaning whatever the trial's length. A last, shorter block is left
// out: its mean would be noisier than the others and read as a jump.
namespace Successor.Lab.Trials;

public static class LossCurve
{
    public const int MaxPoints = 100;

    /// <summary>Steps per point for a run of `steps` steps.</summary>
    public static int Every(int steps) => Math.Max(1, (steps + MaxPoints - 1) / MaxPoints);

    public static double[] Of(IReadOnlyList<float> losses)
    {
        int every = Every(losses.Count), points = losses.Count / every;
        var curve = new double[points];
        for (int p = 0; p < points; p++)
        {
            double sum = 0;
            for (int i = p * every; i < (p + 1) * every; i++) sum += losses[i];
            curve[p] = Math.Round(sum / every, 5);
        }
        return curve;
    }
}
