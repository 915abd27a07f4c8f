// The ancestry tree `successor lineage` prints, built without the command line.
using Successor.Ledger.Lineage;

namespace Successor.Ledger.Tests.Lineage;

public sealed class LineageBuilderTests : IDisposable
{
    private readonly DemoLedger _demo = new();

    public void Dispose() => _demo.Dispose();

    [Fact]
    public void The_tree_of_a_model_shows_its_approval_and_an_unknown_id_is_one_clear_error()
    {
        using var ledger = _demo.Open();
        var graph = ProvGraph.Load(ledger);
        var tree = LineageBuilder.Build(graph, "checkpoint:g2");
        Assert.Contains("└─ used by promote:g2 [activity promotion]", tree.Render());
        Assert.Equal("checkpoint:g2", tree.Id);
        Assert.Equal(tree.Render().Count(c => c == '\n'), tree.NodeCount);

        var unknown = Assert.Throws<LedgerException>(() => LineageBuilder.Build(graph, "checkpoint:g9"));
        Assert.StartsWith("lineage checkpoint:g9:", unknown.Message);
        Assert.DoesNotContain('\n', unknown.Message);
    }
}
