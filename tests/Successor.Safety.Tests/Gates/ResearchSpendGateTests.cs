// The research-spend gate alone: it asks once the spend reaches each multiple of the lab's cap, never without a
// cap, and says what approving allows.
using Successor.Safety.Gates;

namespace Successor.Safety.Tests.Gates;

public sealed class ResearchSpendGateTests
{
    [Fact]
    public void The_gate_asks_at_each_multiple_of_the_cap_and_never_without_one()
    {
        var gate = new ResearchSpendGate();
        Assert.Null(gate.Ask(new("llm:openai/gpt-4o", 0.99, 1, 1)));
        var first = gate.Ask(new("llm:openai/gpt-4o", 1.02, 1, 1))!;
        Assert.Equal("research-spend-1", first.Local);
        Assert.Equal("researcher llm:openai/gpt-4o has spent 1.0200 of the lab's research cap 1.0000; approve to " +
            "allow 1.0000 more, reject to go on with TPE", first.Summary);
        Assert.Null(gate.Ask(new("llm:openai/gpt-4o", 1.5, 1, 2)));
        Assert.Equal("research-spend-2", gate.Ask(new("llm:openai/gpt-4o", 2.5, 1, 2))!.Local);
        Assert.Null(gate.Ask(new("llm:openai/gpt-4o", 1e9, 0, 1)));
    }
}
