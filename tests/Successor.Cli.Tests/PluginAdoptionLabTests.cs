// The scripted good researcher's plug-in, end to end through the real executable: a lab whose recipe ends every
// run at its peak rate is given bench/plugins/decay-to-zero.cs by a language model on the fake server, first with
// a deliberate compile error. The compiler's messages go back, the repair compiles, the plug-in trains against the
// control, its 2-seed re-run's paired CI excludes zero, it is adopted, the successor trains with it and the judge
// promotes that successor on the sealed holdout. Every step is read back from the ledger.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Research.Tests.Fakes;
using Successor.Training.Recipes;

namespace Successor.Cli.Tests;

public sealed class PluginAdoptionLabTests
{
    const string Researcher = "llm:openai/gpt-4o";

    [Fact]
    public void The_good_researchers_plug_in_is_repaired_once_measured_adopted_and_its_successor_promoted()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryRoot(), "bench", "plugins", "decay-to-zero.cs"));
        var (broken, repaired) = ModelScripts.DecayPlugin(source);
        using var server = new FakeModelServer([ScriptedReply.Json(broken), ScriptedReply.Json(repaired)]);
        using var lab = new LabFolder(ConstantRateLab(server.OpenAiBase));
        var run = lab.Succeed("run");
        string hash = PluginDigest.Of(source), setting = $"learning_rate_schedule_plugin={hash}";

        // proposed with a compile error, sent back, repaired: two calls, two compilations in the ledger
        Assert.Equal(2, server.Calls);
        Assert.Contains("error CS1002", server.Prompt(1));
        Assert.Equal(["propose", "repair p1"], Entities(lab, "research-call").Select(c => (string)c["purpose"]!));
        var plugins = Entities(lab, "plugin");
        Assert.Equal([false, true], plugins.Select(p => (bool)p["ok"]!));
        Assert.All(plugins, p => Assert.Equal(Researcher, (string)p["researcher"]!));
        Assert.True((int)plugins[0]["diagnostics"]! > 0);
        Assert.Equal(hash, (string)plugins[1]["source_sha256"]!);

        // trained in a trial against the control and measured with a paired CI
        var finding = lab.Attributes(ProvKind.Entity, "finding:tiny/g1-r0-p1");
        Assert.Equal(setting, (string)finding["overrides"]![0]!);
        Assert.Contains(hash[PluginDigest.Prefix.Length..], lab.Spec(1, "g1-r0-p1"));
        double low = (double)finding["low"]!, effect = (double)finding["effect"]!, high = (double)finding["high"]!;
        Assert.True(low <= effect && effect <= high, $"{effect} [{low}, {high}]");

        // adopted: its 2-seed re-run's CI excludes zero; the successor trained with it
        var selection = lab.Attributes(ProvKind.Entity, "selection:tiny/g1");
        Assert.Equal(setting, (string)selection["adopted"]![0]!);
        Assert.True((double)selection["low"]! > 0, (string)selection["reason"]!);
        Assert.Contains(hash[PluginDigest.Prefix.Length..], lab.Spec(1, "g1-successor"));

        // and the judge promoted that successor on the sealed holdout
        var generation = lab.Attributes(ProvKind.Activity, "generation:tiny/g1");
        Assert.True((bool)generation["promoted"]!, (string)generation["reason"]!);
        Assert.True((double)generation["improvement_low"]! > 0);
        Assert.Contains("g1 promoted:", run.Stdout);
    }

    /// <summary>bench/plugin-adopted.sh's lab made small enough for a test, with the model on `baseUrl` as its
    /// researcher: a 64-wide model trained at a constant rate on 1–2 digit problems and judged on them. A constant
    /// rate leaves even 1-digit answers short of perfect at the end of some runs; the decay to zero does not.
    /// </summary>
    static string ConstantRateLab(string baseUrl) => $$"""
        {
          "name": "tiny", "generations": 1,
          "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-2", "eval_items_per_slice": 100 },
          "budgets": { "trial_steps": 100, "initial_steps": 1000, "successor_steps": 200 },
          "research": { "proposals": 1, "strategy": "llm",
            "language_model": { "provider": "openai", "model": "gpt-4o", "base_url": "{{baseUrl}}",
              "key_variable": "", "retry_delay_seconds": 0.001 } },
          "self_generation": { "enabled": false },
          "promotion": { "difficulties": "1-2", "items_per_slice": 100, "difficulties_past_horizon": 0 },
          "gates": { "incidents": false },
          "recipe": { "model": { "layers": 2, "heads": 4, "embedding": 64, "block_size": 48, "positions": "digits",
              "digit_offset": 4 },
            "batch_size": 32, "learning_rate": 0.003, "min_learning_rate": 0.003, "warmup_steps": 20,
            "schedule": "constant", "eval_interval": 0 }
        }
        """;

    static List<JsonObject> Entities(LabFolder lab, string type)
    {
        using var ledger = LedgerStore.Open(lab.Ledger);
        return [.. ledger.Read().Select(r => r.Parse().Statement)
            .Where(s => s.Kind == ProvKind.Entity && s.Type == type).Select(s => s.Attributes!)];
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Successor.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Successor.slnx above the test's folder");
    }
}
