// Models leaving the lab and coming back through the real executable: export → import is bit for bit, a lab
// started from the imported checkpoint scores it on the sealed holdout exactly as the lab that trained it did and
// runs to a verdict with the origin in its ledger; bad requests get one line and exit code 2.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Models.Checkpoints;

namespace Successor.Cli.Tests;

public sealed class InteropCliTests
{
    /// <summary>The tiny lab with the given generations and, when given, a first_champion folder.</summary>
    static string Lab(int generations, string? firstChampion = null) =>
        // GPT-2 has learned positions: the default lab's digit positions cannot be exported, so this lab's
        // recipe is the default's with learned positions, at a quarter of its width (what crosses the boundary
        // bit for bit does not depend on the width, and the test trains two labs)
        LabFolder.OneGeneration("\"research\": { \"proposals\": 2 }, \"recipe\": { \"model\": { \"layers\": 2, "
            + "\"heads\": 2, \"embedding\": 32, \"block_size\": 48 }, \"batch_size\": 32, \"learning_rate\": 3e-3, "
            + "\"min_learning_rate\": 3e-4, \"warmup_steps\": 50, \"eval_interval\": 0 }")
            .Replace("\"generations\": 1", $"\"generations\": {generations}" + (firstChampion is null ? ""
                : $", \"first_champion\": {JsonValue.Create(firstChampion)!.ToJsonString()}"));

    static JsonObject Generation0(LabFolder lab) => lab.Attributes(ProvKind.Activity, "generation:tiny/g0");

    [Fact]
    public void A_lab_started_from_an_imported_champion_keeps_its_weights_and_sealed_score_and_reaches_a_verdict()
    {
        using var trained = new LabFolder(Lab(0));
        trained.Succeed("run");
        string checkpoint = Path.Combine(trained.Root, "runs", "tiny", "g0", "g0-initial");
        string hf = Path.Combine(trained.Root, "hf"), imported = Path.Combine(trained.Root, "imported");
        var exported = SuccessorProcess.Run("export", "--format", "hf-gpt2", "--checkpoint", checkpoint, "--out", hf);
        Assert.True(exported.ExitCode == 0, exported.Stderr);
        var import = SuccessorProcess.Run("import", "--format", "hf-gpt2", hf, "--out", imported);
        Assert.True(import.ExitCode == 0, import.Stderr);

        var before = SafeTensorsFile.Read(Path.Combine(checkpoint, "model.safetensors")).Tensors;
        var after = SafeTensorsFile.Read(Path.Combine(imported, "model.safetensors")).Tensors;
        Assert.Equal(before.Select(t => t.Name), after.Select(t => t.Name));
        foreach (var (a, b) in before.Zip(after))
        {
            Assert.Equal(a.Shape, b.Shape);
            Assert.True(a.Data.AsSpan().SequenceEqual(b.Data), $"{a.Name} is not bit-identical after the round trip");
        }

        using var started = new LabFolder(Lab(1, imported));
        var run = started.Succeed("run");
        Assert.Contains("g0 import: first champion from", run.Stdout);
        Assert.Matches(@"g1 (promoted|rejected): ", run.Stdout);
        Assert.DoesNotContain("trial:tiny/g0-initial", started.RecordedTrials());
        var (original, restarted) = (Generation0(trained), Generation0(started));
        foreach (var key in new[] { "holdout_metric", "holdout_value", "horizon", "horizon_low", "horizon_high" })
            Assert.Equal(original[key]?.ToJsonString(), restarted[key]?.ToJsonString());

        var origin = started.Attributes(ProvKind.Entity, "origin:tiny/first-champion");
        Assert.Equal("hf-gpt2", (string)origin["format"]!);
        Assert.Equal(import.Value("source_weights_sha256"), (string)origin["source_weights_sha256"]!);
        Assert.Equal(import.Value("source_config_sha256"), (string)origin["source_config_sha256"]!);
        Assert.Equal(import.Value("recipe_sha256"), (string)origin["recipe_sha256"]!);
        Assert.Equal((string)restarted["champion_checkpoint"]!, (string)origin["checkpoint"]!);
        string witnessed = Path.Combine(started.Root, "witness.json");
        var witness = SuccessorProcess.Run("witness", "--ledger", started.Ledger, "--state", witnessed);
        Assert.True(witness.ExitCode == 0, witness.Stdout + witness.Stderr);
        var verify = SuccessorProcess.Run("verify", "--ledger", started.Ledger, "--artifacts",
            Path.Combine(started.Root, "artifacts"), "--witness-state", witnessed);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

        // export without --format is still the ledger's PROV-JSON, where the champion derives from its origin
        var prov = SuccessorProcess.Run("export", "--prov", "--ledger", started.Ledger);
        Assert.True(prov.ExitCode == 0, prov.Stderr);
        var derived = JsonNode.Parse(prov.Stdout)!["wasDerivedFrom"]!.AsObject();
        Assert.Contains(derived, d => (string?)d.Value!["prov:usedEntity"] == "origin:tiny/first-champion");
    }

    [Fact]
    public void Export_refuses_a_rope_model_in_one_line_naming_the_option()
    {
        using var lab = new LabFolder();
        string ck = Path.Combine(lab.Root, "rope");
        var train = SuccessorProcess.Run("train", "--set", "positions=rope", "--set", "layers=1", "--set",
            "embedding=32", "--set", "block_size=16", "--steps", "1", "--out", ck);
        Assert.True(train.ExitCode == 0, train.Stderr);
        var r = SuccessorProcess.Run("export", "--format", "hf-gpt2", "--checkpoint", ck, "--out",
            Path.Combine(lab.Root, "hf"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: model option positions rope ", r.Stderr);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(Path.Combine(lab.Root, "hf")));

        var none = SuccessorProcess.Run("export", "--checkpoint", ck);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no format chosen; add --prov (the ledger as W3C PROV-JSON) or --format hf-gpt2", none.Stderr);
    }

    [Fact]
    public void A_first_champion_of_another_shape_than_the_lab_s_recipe_is_refused_in_one_line()
    {
        using var lab = new LabFolder();
        string ck = Path.Combine(lab.Root, "other");
        var train = SuccessorProcess.Run("train", "--set", "layers=1", "--set", "embedding=32", "--set",
            "block_size=16", "--steps", "1", "--out", ck);
        Assert.True(train.ExitCode == 0, train.Stderr);
        File.WriteAllText(lab.Config, Lab(1, ck));
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"first_champion {ck}: its model is ", r.Stderr);
        Assert.Contains("set recipe.model to it", r.Stderr);

        File.WriteAllText(lab.Config, Lab(1, Path.Combine(lab.Root, "nowhere")));
        var missing = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("has no model.safetensors and recipe.json", missing.Stderr);
    }
}
