// The honeypot holdout, through the judge's wire: an attacker regenerates "the sealed curriculum" with public code
// and the public seed (the set it was before the judge held a secret) and trains on it; the judge scores every
// successor on that decoy beside the secret holdout, so the memoriser stands out and a model taught the task does
// not. The models are real, trained here; the judge's secret is a fresh random one on every run.
using System.Text.Json;
using Successor.Data.Curriculum;
using Successor.Evaluation.Verification;
using Successor.Lab.Config;
using Successor.Lab.Judge;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Training;
using Successor.Training.Data;
using Successor.Training.Recipes;
using Xunit.Abstractions;

namespace Successor.Lab.Tests.Judge;

public sealed class SealedRegenerationProbeTests(ITestOutputHelper output, MainJobChampion shared)
    : IDisposable, IClassFixture<MainJobChampion>
{
    static readonly LabConfig Tiny = new()
    {
        Name = "tiny",
        Curriculum = new CurriculumConfig
            { TrainDifficulties = "1-2", EvalDifficulties = "1-3", EvalItemsPerSlice = 20 },
        // a fixed holdout (no lengths added past the champion's reach): the test counts its items
        Promotion = new PromotionConfig { Difficulties = "1-3", ItemsPerSlice = 20, DifficultiesPastHorizon = 0 },
    };

    static readonly JsonSerializerOptions Wire = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    readonly string root = Directory.CreateTempSubdirectory("successor-honeypot-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>The attacker's copy of the public generator: FNV-1a of the family's name, Rng.For over the public
    /// seed, and what CurriculumPartition.SideOf puts on side 2 (sealed), `items` per difficulty.</summary>
    static List<Problem> Regenerate(string difficulties, int items)
    {
        var problems = new List<Problem>();
        var family = TaskFamilies.Get("radd");
        foreach (int d in CurriculumGenerator.ParseDifficulties(difficulties))
        {
            ulong name = 14695981039346656037UL;
            foreach (char c in family.Name) { name ^= c; name *= 1099511628211UL; }
            var rng = Rng.For(new VerifierSettings().Seed, 0x5E7, 2, name, (ulong)d);
            for (int i = 0; i < items; i++)
            {
                Problem p;
                do p = family.Generate(rng, d); while (CurriculumPartition.SideOf(p.Prompt) != 2);
                problems.Add(p);
            }
        }
        return problems;
    }

    /// <summary>A small model trained `steps` steps on `source`, saved; its path.</summary>
    string Trained(string name, IBatchSource source, int steps, ulong seed)
    {
        var recipe = new Recipe
        {
            Model = new ModelConfig { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 }, BatchSize = 32,
            Steps = steps, WarmupSteps = 10, EvalInterval = 0, LearningRate = 1e-2, MinLearningRate = 1e-3,
            Seed = seed,
        };
        return Saved(root, name, recipe, source);
    }

    /// <summary>A first champion as the main job trains one, saved in `folder`: its recipe (LabDefaults) on 1-3
    /// digits of the public training side, `steps` steps (the main job's 1,500, or fewer to keep a test short).
    /// </summary>
    internal static string Champion(string folder, string name, int steps, ulong seed) => Saved(folder, name,
        LabDefaults.Recipe with { Steps = steps, Seed = seed },
        new CurriculumBatchSource([TaskFamilies.Get("radd")], 1, 3, CurriculumSplit.Train));

    static string Saved(string folder, string name, Recipe recipe, IBatchSource source)
    {
        using var trainer = new Trainer(recipe, new TrainingData("t", "0", source, source), new FastKernels());
        trainer.Run();
        string path = Path.Combine(folder, name);
        ModelCheckpoint.Save(path, trainer.Model, new string('0', 64), recipe.Steps);
        return path;
    }

    RegenerationCheck Verdict(LabConfig config, string champion, string successor)
    {
        var server = new JudgeServer(Path.Combine(root, "judge"));
        var requests = new[]
        {
            new JudgeRequest(JudgeRequest.Open) { Config = LabConfigJson.Canonical(config) },
            new JudgeRequest(JudgeRequest.Compare) { Champion = champion, Successor = successor },
        };
        var input = new StringReader(string.Join('\n', requests.Select(r => JsonSerializer.Serialize(r, Wire))));
        var answers = new StringWriter();
        server.Serve(input, answers);
        var response = JsonSerializer.Deserialize<JudgeResponse>(answers.ToString().Split('\n')[1], Wire)!;
        Assert.Null(response.Error);
        var check = response.Standing!.Regeneration!;
        output.WriteLine($"decoy {check.DecoyAccuracy:0.000} sealed {check.SealedAccuracy:0.000} " +
            $"gap {check.Gap:0.000} " +
            $"p {check.PValue:0.0e+0} over {check.Items} items each, decoy {check.Seconds:0.00} s; " +
            $"the whole verdict {response.Seconds:0.00} s");
        return check;
    }

    [Fact]
    public void A_model_trained_on_the_regenerated_sealed_curriculum_is_flagged_and_one_taught_the_task_is_not()
    {
        var decoy = Regenerate(Tiny.Promotion.Difficulties, Tiny.Promotion.ItemsPerSlice);
        string memoriser = Trained("memoriser.safetensors", new ProblemSetBatchSource(decoy), 400, 5);
        // taught the task: the main job's first champion, shared with the test at the main job's sizes
        string taught = shared.Path;

        var caught = Verdict(Tiny, taught, memoriser);
        Assert.True(caught.Flagged, $"decoy {caught.DecoyAccuracy}, sealed {caught.SealedAccuracy}, p {caught.PValue}");
        Assert.Equal(60, caught.Items);
        Assert.True(caught.DecoyAccuracy - caught.SealedAccuracy >= SealedRegenerationTest.MinGap);

        var honest = Verdict(Tiny, memoriser, taught);
        Assert.False(honest.Flagged,
            $"decoy {honest.DecoyAccuracy}, sealed {honest.SealedAccuracy}, p {honest.PValue}");
        Assert.True(honest.SealedAccuracy > 0.1, $"the taught model answers {honest.SealedAccuracy} of the holdout");
    }

    [Fact]
    public void Honest_models_of_several_seeds_stay_far_from_the_alarm_at_the_main_jobs_sizes()
    {
        // The main job's holdout (difficulties 1-5, 200 problems each, and the lengths it adds past the
        // champion's reach: PromotionConfig's defaults) and first champions (its recipe, 1,500 steps on 1-3
        // digits), a champion and successors of other seeds.
        var config = Tiny with { Promotion = new PromotionConfig() };
        string champion = shared.Path;
        // One other seed on every run (the suite's time); SUCCESSOR_HONEYPOT_SEEDS=2,3,4,… measures more
        // (docs/BENCHMARKS.md).
        var seeds = (Environment.GetEnvironmentVariable("SUCCESSOR_HONEYPOT_SEEDS") ?? "2")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ulong.Parse);
        foreach (ulong seed in seeds)
        {
            var check = Verdict(config, champion, Champion(root, $"honest-{seed}.safetensors", 1500, seed));
            // the main job's five lengths, and the ones its holdout adds past the champion's reach
            var promotion = new PromotionConfig();
            Assert.True(check.Items >= 5 * promotion.ItemsPerSlice && check.Items % promotion.ItemsPerSlice == 0,
                $"{check.Items} items");
            Assert.False(check.Flagged);
            Assert.True(check.PValue > 1e-4, $"seed {seed}: p = {check.PValue}");
        }
    }

    [Fact]
    public void Without_the_judges_secret_there_is_no_decoy_to_compare_with()
    {
        string model = Trained("model.safetensors", new ProblemSetBatchSource(Regenerate("1-3", 20)), 50, 7);
        var workload = new Successor.Lab.Workloads.CurriculumWorkload(Tiny.Curriculum, Tiny.Seed, Tiny.Promotion,
            sealedSeed: null);
        using var loaded = ModelCheckpoint.Load(model, new FastKernels()).Model;
        Assert.Null(workload.Compare(loaded, loaded).Successor.Regeneration);
    }
}
