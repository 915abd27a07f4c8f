// CacheSizes read from a sysfs-shaped folder: data and unified caches by level, instruction caches ignored, L3
// divided among the CPUs sharing it, and typical sizes where the machine says nothing.
using Successor.Tensors.Machine;

namespace Successor.Tensors.Tests.Machine;

public sealed class CacheSizesTests
{
    [Fact]
    public void Sizes_come_from_the_folder_with_L3_split_among_the_cpus_sharing_it()
    {
        string folder = Directory.CreateTempSubdirectory("successor-caches-").FullName;
        try
        {
            Write(folder, 0, "1", "Data", "48K", "0");
            Write(folder, 1, "1", "Instruction", "32K", "0");
            Write(folder, 2, "2", "Unified", "1024K", "0");
            Write(folder, 3, "3", "Unified", "32768K", "0-1");
            var caches = CacheSizes.Read(folder);
            Assert.Equal(new CacheSizes(48 << 10, 1 << 20, 16 << 20, true), caches);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_folder_gives_the_typical_sizes_and_says_so()
    {
        var caches = CacheSizes.Read("/nonexistent/successor/cache");
        Assert.Same(CacheSizes.Typical, caches);
        Assert.False(caches.FromMachine);
        Assert.Contains("typical sizes", caches.ToString());
    }

    [Theory]
    [InlineData("48K", 48L << 10)]
    [InlineData("2M", 2L << 20)]
    [InlineData("512", 512L)]
    [InlineData("", 0L)]
    [InlineData("big", 0L)]
    public void Sizes_parse_with_their_unit(string text, long bytes) => Assert.Equal(bytes, CacheSizes.ParseSize(text));

    [Theory]
    [InlineData("0-1", 2)]
    [InlineData("0,2,4-7", 6)]
    [InlineData("3", 1)]
    [InlineData("", 1)]
    public void Cpu_lists_count_their_cpus(string list, int count) => Assert.Equal(count, CacheSizes.CountCpus(list));

    static void Write(string folder, int index, string level, string type, string size, string shared)
    {
        string dir = Directory.CreateDirectory(Path.Combine(folder, $"index{index}")).FullName;
        File.WriteAllText(Path.Combine(dir, "level"), level + "\n");
        File.WriteAllText(Path.Combine(dir, "type"), type + "\n");
        File.WriteAllText(Path.Combine(dir, "size"), size + "\n");
        File.WriteAllText(Path.Combine(dir, "shared_cpu_list"), shared + "\n");
    }
}
