// The judge's side of the wire, in process: it answers only after `open`, one line per request; it re-scores a
// real model and catches a made-up score beside a correct hash; at verdict time it fingerprints the evaluator
// and names a change since it started, or since the trials ran.
using System.Security.Cryptography;
using System.Text.Json;
using Successor.Data.Corpora;
using Successor.Lab.Config;
using Successor.Lab.Judge;
using Successor.Lab.Workloads;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Tensors.Fast;

namespace Successor.Lab.Tests.Judge;

public sealed class JudgeServerTests : IDisposable
{
    static readonly LabConfig Tiny = new()
    {
        Name = "tiny",
        Curriculum = new CurriculumConfig
            { TrainDifficulties = "1-2", EvalDifficulties = "1-3", EvalItemsPerSlice = 20 },
        Promotion = new PromotionConfig { Difficulties = "1-3", ItemsPerSlice = 20 },
    };

    readonly string root = Directory.CreateTempSubdirectory("successor-judge-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    JudgeServer Server() => new(Path.Combine(root, "judge"));

    // The wire format: snake_case, and infinities (an item difference that cannot be measured) as names.
    static readonly JsonSerializerOptions Wire = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    static JudgeResponse Ask(JudgeServer server, JudgeRequest request) =>
        JsonSerializer.Deserialize<JudgeResponse>(Lines(server, request)[0], Wire)!;

    static string[] Lines(JudgeServer server, params JudgeRequest[] requests)
    {
        var options = Wire;
        var input = new StringReader(string.Join('\n', requests.Select(r => JsonSerializer.Serialize(r, options))));
        var output = new StringWriter();
        server.Serve(input, output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    static JudgeResponse Open(JudgeServer server, LabConfig config)
    {
        var opened = Ask(server, new JudgeRequest(JudgeRequest.Open) { Config = LabConfigJson.Canonical(config) });
        Assert.Null(opened.Error);
        return opened;
    }

    /// <summary>An untrained one-layer model saved as a checkpoint; returns its path and SHA-256.</summary>
    (string Path, string Sha) SavedModel(string name, int seed)
    {
        using var model = new GptModel(new ModelConfig { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 },
            new FastKernels());
        model.Initialize((ulong)seed);
        string path = Path.Combine(root, name);
        ModelCheckpoint.Save(path, model, new string('0', 64), 0);
        using var stream = File.OpenRead(path);
        return (path, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    [Fact]
    public void Every_request_before_open_and_every_unknown_one_gets_one_line_of_error()
    {
        var lines = Lines(Server(), new JudgeRequest(JudgeRequest.Score) { Model = "x" },
            new JudgeRequest("tell-me-the-holdout"));
        Assert.Equal(2, lines.Length);
        Assert.Contains("the first request must be open", lines[0]);
        Assert.Contains("the first request must be open", lines[1]);
        var server = Server();
        Open(server, Tiny);
        Assert.Contains("unknown; use one of", Ask(server, new JudgeRequest("tell-me-the-holdout")).Error);
    }

    [Fact]
    public void A_made_up_score_beside_a_real_model_and_its_correct_hash_is_caught()
    {
        var (model, sha) = SavedModel("model.safetensors", 3);
        double[] truth;
        using (var loaded = ModelCheckpoint.Load(model, new FastKernels()).Model)
            truth = LabWorkloads.Create(Tiny).PublicScores(loaded);
        Assert.Equal(60, truth.Length);
        var server = Server();
        Open(server, Tiny with { Judge = new JudgeConfig { Reevaluate = 3 } });
        var checks = Ask(server, new JudgeRequest(JudgeRequest.Reevaluate)
        {
            Trials =
            [
                new ReportedTrial("honest", model, sha, truth),
                new ReportedTrial("fabricated", model, sha, [.. Enumerable.Repeat(1.0, truth.Length)]),
                new ReportedTrial("other-model", model, new string('a', 64), truth),
            ],
            Selected = "fabricated",
        }).Reevaluated!;
        Assert.Equal("fabricated", checks[0].Id);
        var byId = checks.ToDictionary(c => c.Id);
        Assert.True(byId["honest"].Matches, byId["honest"].Why);
        Assert.Equal(0, byId["honest"].MaxDifference);
        Assert.False(byId["fabricated"].Matches);
        Assert.Equal(1.0, byId["fabricated"].Reported);
        Assert.Equal(truth.Average(), byId["fabricated"].Judged!.Value, 12);
        Assert.Contains("the worker reported a mean public score of 1.0000", byId["fabricated"].Why);
        Assert.False(byId["other-model"].Matches);
        Assert.Contains("its model hashes to", byId["other-model"].Why);
    }

    [Fact]
    public void At_verdict_time_the_judge_names_an_evaluator_other_than_the_trials_ran_under()
    {
        var (model, _) = SavedModel("model.safetensors", 4);
        var server = Server();
        string fingerprint = Open(server, Tiny).EvaluatorSha256!;
        Assert.Equal(64, fingerprint.Length);
        var same = Ask(server, new JudgeRequest(JudgeRequest.Compare)
            { Champion = model, Successor = model, Expected = [fingerprint] });
        Assert.Null(same.Error);
        Assert.NotNull(same.Verdict);
        Assert.False(same.Verdict!.GenuinelyBetter); // a model against itself
        Assert.Null(same.EvaluatorChanged);
        var other = Ask(server, new JudgeRequest(JudgeRequest.Compare)
            { Champion = model, Successor = model, Expected = [fingerprint, new string('0', 64)] });
        Assert.Contains("the generation's trials ran under 000000000000", other.EvaluatorChanged);
    }

    [Fact]
    public void At_verdict_time_the_judge_sees_evaluation_data_changed_since_it_started()
    {
        string split = Path.Combine(root, "split");
        Directory.CreateDirectory(Path.Combine(split, SealedFormat.FolderName));
        var text = Enumerable.Range(0, 20).Select(i => $"{{\"text\": \"document {i} of the lab's small split\"}}");
        File.WriteAllLines(Path.Combine(split, SplitWriter.TrainFile), text);
        File.WriteAllLines(Path.Combine(split, SplitWriter.ValidationFile), text);
        File.WriteAllLines(Path.Combine(split, SealedFormat.FolderName, SealedFormat.HoldoutFile),
            [SealedFormat.Header, .. text]);
        var config = Tiny with { Split = split, SelfGeneration = new SelfGenerationConfig { Enabled = false } };
        var (model, _) = SavedModel("model.safetensors", 5);
        var server = Server();
        string started = Open(server, config).EvaluatorSha256!;
        Assert.Null(Ask(server, new JudgeRequest(JudgeRequest.Compare)
            { Champion = model, Successor = model, Expected = [started] }).EvaluatorChanged);
        File.AppendAllText(Path.Combine(split, SplitWriter.ValidationFile), "{\"text\": \"an easier document\"}\n");
        var changed = Ask(server, new JudgeRequest(JudgeRequest.Compare)
            { Champion = model, Successor = model, Expected = [started] });
        Assert.Contains("at verdict time, the judge started under", changed.EvaluatorChanged);
        Assert.Contains("the generation's trials ran under", changed.EvaluatorChanged);
        // The sealed side is the judge's to fingerprint: the lab's fingerprint never reads it, the judge's does.
        string now = changed.EvaluatorSha256!;
        File.AppendAllText(Path.Combine(split, SealedFormat.FolderName, SealedFormat.HoldoutFile),
            "{\"text\": \"a planted sealed document\"}\n");
        var planted = Ask(server, new JudgeRequest(JudgeRequest.Compare)
            { Champion = model, Successor = model, Expected = [now] });
        Assert.Equal(now, planted.EvaluatorSha256);
        Assert.Contains("the sealed holdout's files are", planted.EvaluatorChanged);
    }

    [Fact]
    public void A_model_path_that_leads_into_the_judges_folder_is_refused_without_quoting_it()
    {
        var server = Server();
        Open(server, Tiny);
        string vault = Ledger.Signing.JudgeVault.Of(Path.Combine(root, "judge"));
        string secret = File.ReadAllText(Path.Combine(vault, JudgeSecrets.SecretFile)).Trim();
        // A link to the judge's folder in a place the lab may write, and a "model" through it.
        string link = Path.Combine(root, "innocent");
        Directory.CreateSymbolicLink(link, Path.Combine(root, "judge"));
        foreach (var path in new[] { Path.Combine(link, JudgeSecrets.SecretFile),
            Path.Combine(root, "judge", JudgeSecrets.SecretFile), Path.Combine(vault, JudgeSecrets.SecretFile) })
        {
            var line = Lines(server, new JudgeRequest(JudgeRequest.Score) { Model = path })[0];
            Assert.Contains("which the judge never hands out", line);
            Assert.DoesNotContain(secret[..8], line);
            var fabricated = Ask(server, new JudgeRequest(JudgeRequest.Reevaluate)
                { Trials = [new ReportedTrial("t", path, null, [0.0])], Selected = "t" });
            Assert.Contains("which the judge never hands out", fabricated.Error);
        }
    }
}
