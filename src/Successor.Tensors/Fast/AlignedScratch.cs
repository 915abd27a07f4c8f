// A growable scratch buffer for one thread: 64-byte aligned, grown (never shrunk), freed with its owner.
using System.Runtime.InteropServices;

namespace Successor.Tensors.Fast;

internal sealed unsafe class AlignedScratch
{
    float* data;
    long capacity;

    /// <summary>At least `floats` floats; the contents are undefined after a call that grows the buffer.</summary>
    public float* Reserve(long floats)
    {
        if (floats <= capacity) return data;
        NativeMemory.AlignedFree(data);
        data = (float*)NativeMemory.AlignedAlloc((nuint)(floats * sizeof(float)), 64);
        capacity = floats;
        return data;
    }

    ~AlignedScratch() => NativeMemory.AlignedFree(data);
}
