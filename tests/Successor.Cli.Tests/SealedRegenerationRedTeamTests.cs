// The offline attack on the sealed curriculum, end to end through the real executable: a hostile worker
// regenerates "the sealed problems" with public code and the public seed — what they were before the judge held a
// secret — and hands in a model trained on them, with honest public scores and correct hashes, so that every
// check a worker's result meets passes. The judge scores the candidate on that decoy beside the secret holdout
// at verdict time: the attack is recorded as a critical `sealed-regeneration` incident and the candidate fails
// closed. The same lab run honestly raises nothing and records how far its successor stayed from the alarm.
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Successor.Data.Curriculum;
using Successor.Evaluation.Verification;
using Successor.Lab.Config;
using Successor.Lab.Workloads;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Safety.Incidents;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Training;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Cli.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(HonestLabCollection.Name)]
public sealed class SealedRegenerationRedTeamTests(HonestLab reference)
{
    static readonly string OneGeneration = HonestLab.Config;

    /// <summary>The attacker's copy of the public generator over the public seed, asking for side 2 (sealed).
    /// </summary>
    static List<Problem> Regenerate(PromotionConfig promotion)
    {
        var problems = new List<Problem>();
        var family = TaskFamilies.Get("radd");
        foreach (int d in CurriculumGenerator.ParseDifficulties(promotion.Difficulties))
        {
            ulong name = 14695981039346656037UL;
            foreach (char c in family.Name) { name ^= c; name *= 1099511628211UL; }
            var rng = Rng.For(new VerifierSettings().Seed, 0x5E7, 2, name, (ulong)d);
            for (int i = 0; i < promotion.ItemsPerSlice; i++)
            {
                Problem p;
                do p = family.Generate(rng, d); while (CurriculumPartition.SideOf(p.Prompt) != 2);
                problems.Add(p);
            }
        }
        return problems;
    }

    /// <summary>The hostile worker's model: 400 steps on the regenerated problems, saved at `path`.</summary>
    static void TrainOnTheDecoy(string path, PromotionConfig promotion)
    {
        var recipe = new Recipe
        {
            Model = new ModelConfig { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 }, BatchSize = 32,
            Steps = 400, WarmupSteps = 10, EvalInterval = 0, LearningRate = 1e-2, MinLearningRate = 1e-3, Seed = 5,
        };
        var source = new ProblemSetBatchSource(Regenerate(promotion));
        using var trainer = new Trainer(recipe, new TrainingData("decoy", "0", source, source), new FastKernels());
        trainer.Run();
        ModelCheckpoint.Save(path, trainer.Model, new string('0', 64), recipe.Steps);
    }

    [Fact]
    public void A_candidate_trained_on_the_regenerated_sealed_curriculum_is_recorded_and_fails_closed()
    {
        // The lab run honestly (once, for every test that needs it): no alarm, and the honeypot's figures for a
        // real successor in the ledger.
        var (honest, run) = (reference.Lab, reference.Run);
        Assert.DoesNotContain(honest.Incidents(), i => i.Kind == "sealed-regeneration");
        var probe = honest.Attributes(ProvKind.Activity, "reevaluation:tiny/g1")["sealed_regeneration"]!;
        Assert.False((bool)probe["flagged"]!, probe.ToJsonString());
        Assert.Equal(60, (int)probe["items"]!);
        Assert.Contains("honeypot: accuracy", run.Stdout);
        var result = JsonNode.Parse(File.ReadAllText(Path.Combine(honest.TrialFolder(1, "g1-successor"),
            "result.json")))!.AsObject();

        // The hostile worker: its model, its honest public scores, the right hashes.
        using var hostile = new LabFolder(OneGeneration);
        var config = LabConfigJson.Parse(OneGeneration, "the tiny lab");
        string folder = hostile.TrialFolder(1, "g1-successor");
        Directory.CreateDirectory(folder);
        string model = Path.Combine(folder, "model.safetensors");
        TrainOnTheDecoy(model, config.Promotion);
        double[] scores;
        using (var loaded = ModelCheckpoint.Load(model, new FastKernels()).Model)
            scores = LabWorkloads.Create(config).PublicScores(loaded);
        using (var stream = File.OpenRead(model))
            result["model_sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream));
        result["score"] = scores.Average();
        result["scores"] = new JsonArray([.. scores.Select(s => (JsonNode?)JsonValue.Create(s))]);
        File.WriteAllText(Path.Combine(folder, "result.json"), result.ToJsonString());

        // The last generation's incident has no later safe point to pause at: the run ends, its candidate rejected.
        var r = SuccessorProcess.Run(hostile.Args("run"));
        Assert.True(r.ExitCode is 0 or 4, r.Stdout + r.Stderr);
        // Every check of the worker's own result passed: the scores are its model's, the hashes right.
        Assert.DoesNotContain(hostile.Incidents(), i => i.Kind is "unverifiable-result" or "fabricated-result");
        var incident = Assert.Single(hostile.Incidents(), i => i.Kind == "sealed-regeneration");
        Assert.Equal(Severity.Critical, incident.Severity);
        Assert.Contains("the candidate g1-successor was trained on the sealed curriculum as public code regenerates",
            incident.Detail);
        Assert.Contains("on the decoy holdout and", incident.Detail);
        Assert.Contains("one-sided p = ", incident.Detail);
        var caught = hostile.Attributes(ProvKind.Activity, "reevaluation:tiny/g1")["sealed_regeneration"]!;
        Assert.True((bool)caught["flagged"]!);
        Assert.True((double)caught["p_value"]! < SealedRegenerationTest.Alpha, caught.ToJsonString());
        var generation = hostile.Attributes(ProvKind.Activity, "generation:tiny/g1");
        Assert.False((bool)generation["promoted"]!);
        Assert.Contains("fail closed: sealed-regeneration incident incident:tiny/g1-sealed-regeneration",
            (string)generation["reason"]!);
    }
}
