// Gaussian draws from a seeded System.Random (Box–Muller), so every simulated curve and candidate in
// these tests is the same on every run and every machine.
namespace Successor.Safety.Tests.Monitors;

internal static class SeededNoise
{
    public static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
