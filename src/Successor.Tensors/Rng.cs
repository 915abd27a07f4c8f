// A small, fast, seedable generator (xoshiro256**, Blackman and Vigna 2018) whose stream is fixed by
// this file, not by the runtime version: initial weights, batches and samples depend only on the seed.
namespace Successor.Tensors;

public sealed class Rng
{
    ulong s0, s1, s2, s3;

    public Rng(ulong seed)
    {
        // SplitMix64 expands the seed into the four state words.
        s0 = SplitMix(ref seed); s1 = SplitMix(ref seed); s2 = SplitMix(ref seed); s3 = SplitMix(ref seed);
    }

    /// <summary>Seeds a generator from several values, e.g. (seed, step, purpose), so streams never collide.</summary>
    public static Rng For(params ReadOnlySpan<ulong> parts)
    {
        ulong h = 0x243F6A8885A308D3UL;
        foreach (var p in parts) { h ^= p; h = SplitMix(ref h); }
        return new Rng(h);
    }

    static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9, t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive) => (int)((NextULong() >> 33) * (ulong)maxExclusive >> 31);

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
