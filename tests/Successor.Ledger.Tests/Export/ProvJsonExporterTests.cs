// The PROV-JSON text `successor export --prov` writes, made without the command line.
using System.Text.Json.Nodes;
using Successor.Ledger.Export;

namespace Successor.Ledger.Tests.Export;

public sealed class ProvJsonExporterTests : IDisposable
{
    private readonly DemoLedger _demo = new();

    public void Dispose() => _demo.Dispose();

    [Fact]
    public void The_export_text_is_indented_PROV_JSON_naming_the_approver()
    {
        using var ledger = _demo.Open();
        string text = ProvJsonExporter.ExportText(ledger);
        Assert.Contains("\"wasAssociatedWith\"", text);
        Assert.Contains("\n  \"prefix\": {", text);
        Assert.False(text.EndsWith('\n'));
        Assert.NotNull(JsonNode.Parse(text)!["agent"]!["human:alice"]);
    }
}
