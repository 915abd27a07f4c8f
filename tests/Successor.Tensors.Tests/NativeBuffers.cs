// Native float/int buffers for kernel tests, freed together; seeded so every test is repeatable.
using System.Runtime.InteropServices;

namespace Successor.Tensors.Tests;

public sealed unsafe class NativeBuffers(int seed) : IDisposable
{
    readonly List<nint> blocks = [];
    readonly Random random = new(seed);

    public float* Zeros(long count)
    {
        var p = (float*)NativeMemory.AlignedAlloc((nuint)(Math.Max(count, 1) * sizeof(float)), 64);
        new Span<float>(p, (int)count).Clear();
        blocks.Add((nint)p);
        return p;
    }

    /// <summary>Values uniform in [-scale, scale).</summary>
    public float* Random(long count, float scale = 1f)
    {
        var p = Zeros(count);
        for (long i = 0; i < count; i++) p[i] = (float)(random.NextDouble() * 2 - 1) * scale;
        return p;
    }

    public float* Copy(float* source, long count)
    {
        var p = Zeros(count);
        new Span<float>(source, (int)count).CopyTo(new Span<float>(p, (int)count));
        return p;
    }

    public int* Ints(long count, int maxExclusive)
    {
        var p = (int*)NativeMemory.AlignedAlloc((nuint)(Math.Max(count, 1) * sizeof(int)), 64);
        for (long i = 0; i < count; i++) p[i] = random.Next(maxExclusive);
        blocks.Add((nint)p);
        return p;
    }

    public static float[] ToArray(float* p, long count) => new Span<float>(p, (int)count).ToArray();

    public static double Dot(float* a, float* b, long count)
    {
        double sum = 0;
        for (long i = 0; i < count; i++) sum += (double)a[i] * b[i];
        return sum;
    }

    public void Dispose()
    {
        foreach (var p in blocks) NativeMemory.AlignedFree((void*)p);
        blocks.Clear();
    }
}
