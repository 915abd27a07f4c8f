// Draws from the Laplace distribution Lap(b), density exp(−|x|/b) / 2b, by inverting its CDF. It is the
// noise of the differential-privacy mechanisms that Thresholdout is built from.
namespace Successor.Statistics;

public static class Laplace
{
    public static double Sample(Random random, double scale)
    {
        double u;
        // u = −0.5 would give log(0); redraw so every sample is finite.
        do u = random.NextDouble() - 0.5; while (u == -0.5);
        return -scale * Math.Sign(u) * Math.Log(1 - 2 * Math.Abs(u));
    }

    /// <summary>System.Random takes an int seed; fold both halves of the lab's 64-bit seeds into it.</summary>
    public static Random Seeded(ulong seed) => new(unchecked((int)seed ^ (int)(seed >> 32)));
}
