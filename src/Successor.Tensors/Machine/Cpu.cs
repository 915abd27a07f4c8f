// What the engine knows of the CPU it runs on: its model name and the widest vector the kernels use.
// The width follows the runtime: DOTNET_EnableAVX512=0 (or DOTNET_PreferredVectorBitWidth=256) makes an
// AVX-512 machine run the engine's AVX2 paths, which is how the AVX2 figures are measured on AVX-512 hardware.
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Successor.Tensors.Machine;

public static class Cpu
{
    static readonly Lazy<string> Name = new(ReadModelName);

    /// <summary>The CPU's model name (/proc/cpuinfo), or "unknown CPU".</summary>
    public static string ModelName => Name.Value;

    /// <summary>512 with AVX-512 in use, 256 with AVX2 and FMA, else 128 (no FMA: the portable path).</summary>
    public static int VectorBits =>
        Avx512F.IsSupported && Vector512.IsHardwareAccelerated ? 512
        : Fma.IsSupported && Avx2.IsSupported ? 256
        : 128;

    /// <summary>The 1-minute load average (/proc/loadavg), the number of runnable threads the machine averaged: a
    /// benchmark's figures mean little without it on a shared machine. Null where the system does not say.</summary>
    public static double? LoadAverage()
    {
        try
        {
            string first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, out double load)
                ? load : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    static string ReadModelName()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and >= 0)
                    return line[(colon + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return "unknown CPU";
    }
}
