// The data caches of one core, in bytes, as the machine reports them (Linux: /sys/devices/system/cpu/cpu0/cache),
// which the GEMM's blocking is sized from. L3 is the share of one core (the cache's size over the CPUs sharing
// it). Where the machine does not say, typical sizes of a current x86 core stand in, and FromMachine says so.
using System.Globalization;

namespace Successor.Tensors.Machine;

public sealed record CacheSizes(long L1Data, long L2, long L3PerCore, bool FromMachine)
{
    /// <summary>What a current x86 server core has: 32 KiB L1d, 1 MiB L2, 2 MiB of L3 per core.</summary>
    public static CacheSizes Typical { get; } = new(32 << 10, 1 << 20, 2 << 20, false);

    static readonly Lazy<CacheSizes> Current = new(() => Read("/sys/devices/system/cpu/cpu0/cache"));

    /// <summary>This machine's caches, read once.</summary>
    public static CacheSizes OfThisMachine => Current.Value;

    /// <summary>Reads a sysfs cache folder (index0, index1, … each with level, type, size, shared_cpu_list); a
    /// level missing or unreadable keeps its typical size.</summary>
    public static CacheSizes Read(string folder)
    {
        if (!Directory.Exists(folder)) return Typical;
        long l1 = 0, l2 = 0, l3 = 0;
        foreach (string index in Directory.GetDirectories(folder, "index*"))
        {
            string? level = ReadText(index, "level"), type = ReadText(index, "type");
            long size = ParseSize(ReadText(index, "size"));
            if (size <= 0 || type is null || type == "Instruction") continue;
            switch (level)
            {
                case "1": l1 = size; break;
                case "2": l2 = size; break;
                case "3": l3 = size / Math.Max(1, CountCpus(ReadText(index, "shared_cpu_list"))); break;
            }
        }
        if (l1 == 0 && l2 == 0 && l3 == 0) return Typical;
        return new CacheSizes(l1 > 0 ? l1 : Typical.L1Data, l2 > 0 ? l2 : Typical.L2, l3 > 0 ? l3 : Typical.L3PerCore,
            true);
    }

    static string? ReadText(string folder, string name)
    {
        try { return File.ReadAllText(Path.Combine(folder, name)).Trim(); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>"48K" → 49152; "32M" → 33554432; anything else → 0.</summary>
    internal static long ParseSize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        long unit = char.ToUpperInvariant(text[^1]) switch { 'K' => 1 << 10, 'M' => 1 << 20, 'G' => 1 << 30, _ => 1 };
        string digits = unit == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n * unit : 0;
    }

    /// <summary>"0-1" → 2; "0,2,4-7" → 6; unreadable → 1.</summary>
    internal static int CountCpus(string? list)
    {
        if (string.IsNullOrEmpty(list)) return 1;
        int count = 0;
        foreach (string part in list.Split(','))
        {
            string[] ends = part.Split('-');
            if (!int.TryParse(ends[0], CultureInfo.InvariantCulture, out int first)) return 1;
            int last = ends.Length > 1 && int.TryParse(ends[1], CultureInfo.InvariantCulture, out int l) ? l : first;
            count += Math.Max(1, last - first + 1);
        }
        return Math.Max(1, count);
    }

    public override string ToString() =>
        $"L1d {L1Data >> 10} KiB, L2 {L2 >> 10} KiB, L3 {L3PerCore >> 10} KiB per core" +
        (FromMachine ? "" : " (typical sizes; the machine did not report its own)");
}
