// One native, 64-byte aligned block of floats, sized once and zeroed: parameters, gradients,
// optimizer moments and activations each live in one (llm.c's arenas), so the hot loop never allocates.
using System.Runtime.InteropServices;

namespace Successor.Tensors;

public sealed unsafe class FloatArena : IDisposable
{
    /// <summary>Offsets handed out by layouts are rounded up to this many floats (64 bytes).</summary>
    public const int Alignment = 16;

    public FloatArena(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        Pointer = (float*)NativeMemory.AlignedAlloc((nuint)(Math.Max(length, 1) * sizeof(float)), 64);
        Clear();
    }

    public float* Pointer { get; private set; }
    public long Length { get; }

    public static long Align(long offset) => (offset + Alignment - 1) / Alignment * Alignment;

    public Span<float> Slice(long offset, int count) =>
        offset >= 0 && count >= 0 && offset + count <= Length
            ? new Span<float>(Pointer + offset, count)
            : throw new ArgumentOutOfRangeException(nameof(offset),
                $"slice [{offset}, {offset + count}) outside arena of {Length}");

    public void Clear()
    {
        for (long start = 0; start < Length; start += int.MaxValue / 2)
            new Span<float>(Pointer + start, (int)Math.Min(int.MaxValue / 2, Length - start)).Clear();
    }

    public void Dispose()
    {
        if (Pointer == null) return;
        NativeMemory.AlignedFree(Pointer);
        Pointer = null;
    }
}
