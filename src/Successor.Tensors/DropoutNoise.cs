// Counter-based random numbers for dropout: the draw for element i depends only on (seed, i),
// so masks are the same for any thread count and any chunking.
namespace Successor.Tensors;

public static class DropoutNoise
{
    /// <summary>A uniform float in [0, 1) from SplitMix64 of (seed, index).</summary>
    public static float Uniform(ulong seed, ulong index)
    {
        ulong z = seed + (index + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 40) * (1f / (1 << 24));
    }
}
