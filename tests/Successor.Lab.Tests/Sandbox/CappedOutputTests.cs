// A worker's output is counted, not held: however much it writes, the lab keeps a fixed tail for the error
// line.
using Successor.Lab.Sandbox;

namespace Successor.Lab.Tests.Sandbox;

public sealed class CappedOutputTests
{
    [Fact]
    public void A_hundred_megabytes_are_counted_and_only_the_last_line_is_kept()
    {
        var line = "flood flood flood flood flood flood flood flood flood flood flood flood flood\n"u8.ToArray();
        var flood = new MemoryStream();
        for (int i = 0; i < (100 << 20) / line.Length; i++) flood.Write(line);
        flood.Write("the last words\n"u8);
        flood.Position = 0;
        // a memory stream completes every read at once, so the whole drain runs on this thread
        long before = GC.GetAllocatedBytesForCurrentThread();
        var output = CappedOutput.Drain(new StreamReader(flood));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(output.Done.IsCompletedSuccessfully);
        Assert.Equal(flood.Length, output.Bytes);
        Assert.Equal("the last words", output.LastLine());
        // the drain's own buffers: a 64 KiB read buffer and an 8 KiB tail, not the 100 MiB it saw
        Assert.True(allocated < 1L << 20, $"{allocated} bytes allocated");
    }
}
