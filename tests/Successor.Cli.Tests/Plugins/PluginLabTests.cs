// Plug-ins in a whole lab, through the real executable: research.plugins hands the lab a good plug-in, a
// hostile one and one that fails at run time. The lab compiles each in a sandboxed worker, refuses the hostile
// one with an incident naming its attempt, and proposes the others: the good one trains as its own trial against
// the control and is measured with a paired CI like any change; the failing one's trial fails and is recorded
// as an incident naming the plug-in. Sources and compile logs are artifacts in the ledger.
using Successor.Ledger.Statements;
using Successor.PluginHost.Tests;
using Successor.Training.Recipes;

namespace Successor.Cli.Tests.Plugins;

public sealed class PluginLabTests
{
    [Fact]
    public void A_lab_compiles_people_s_plug_ins_in_the_sandbox_refuses_the_hostile_one_and_measures_the_good_one()
    {
        using var lab = new LabFolder();
        string good = Path.Combine(lab.Root, "floor.cs"), hostile = Path.Combine(lab.Root, "socket.cs");
        string throws = Path.Combine(lab.Root, "throws.cs");
        File.WriteAllText(good, PluginSources.Floor);
        File.WriteAllText(throws, PluginSources.Throws);
        File.WriteAllText(hostile, PluginSources.Refused.Single(a => a.Name == "open a socket").Source);
        string plugins = System.Text.Json.JsonSerializer.Serialize(new[]
        {
            new { point = "learning_rate_schedule", source = good },
            new { point = "learning_rate_schedule", source = hostile },
            new { point = "data_filter", source = throws },
        });
        File.WriteAllText(lab.Config, LabFolder.OneGeneration($$"""
            "research": { "proposals": 1, "plugins": {{plugins}} },
            "gates": { "incidents": false }
            """));
        var run = lab.Succeed("run");
        string hash = PluginDigest.Of(PluginSources.Floor);
        Assert.Contains($"floor.cs (learning_rate_schedule): compiled, {hash}", run.Stdout);
        Assert.Contains("socket.cs (learning_rate_schedule): refused: ", run.Stdout);
        // the hostile one: an incident naming what it reached for; never a trial
        var refused = Assert.Single(lab.Incidents(), i => i.Kind == "plugin-refused");
        Assert.Contains("System.Net", refused.Detail);
        Assert.DoesNotContain(lab.RecordedTrials(), t => t.EndsWith("-plugin2", StringComparison.Ordinal));
        // the good one: a trial whose worker was handed its source, and a finding with a paired CI
        Assert.Contains(hash[PluginDigest.Prefix.Length..], lab.Spec(1, "g1-r0-plugin1"));
        var finding = lab.Attributes(ProvKind.Entity, "finding:tiny/g1-r0-plugin1");
        Assert.Equal($"learning_rate_schedule_plugin={hash}", (string)finding["overrides"]![0]!);
        Assert.True((double)finding["low"]! <= (double)finding["effect"]! && (double)finding["effect"]!
            <= (double)finding["high"]!);
        var plugin = lab.Attributes(ProvKind.Entity, $"plugin:tiny/g1-{hash[7..23]}-0");
        Assert.True((bool)plugin["ok"]!);
        Assert.Equal("operator", (string)plugin["researcher"]!);
        // the one that fails at run time: its trial failed, and the incident names the plug-in it ran
        var failed = Assert.Single(lab.Incidents(), i => i.Kind == "plugin-failed");
        string ran = $"ran plug-in(s) data_filter_plugin {PluginDigest.Of(PluginSources.Throws)}";
        Assert.Contains($"trial g1-r0-plugin3 {ran}", failed.Detail);
        Assert.Contains("a plug-in that fails at run time", failed.Detail);
    }
}
