// Agreement with PyTorch on the same weights, the field's standard check of a GPT implementation: Successor
// exports a model as Hugging Face GPT-2, computes logits, loss, gradients and one AdamW step on a batch, and
// parity/gpt2_parity.py (Debian's python3-torch) recomputes them from the exported folder alone.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Models.Interop;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Training.Optimization;
using Successor.Training.Recipes;
using Xunit.Abstractions;

namespace Successor.Training.Tests.Interop;

[Collection("Parallelism")]
public sealed unsafe class PyTorchParityTests(ITestOutputHelper output) : IDisposable
{
    // fp32 on both sides, summed in different orders: a wrong name, transpose or formula errs by O(1).
    const double LogitsTolerance = 1e-5, LossTolerance = 1e-6, GradientTolerance = 2e-5, SteppedTolerance = 1e-6;
    // Debian's torch is installed for Debian's python, which may not be the first python3 on PATH
    const string Python = "/usr/bin/python3";

    readonly string folder = Directory.CreateTempSubdirectory("successor-parity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("baby", "")]
    [InlineData("small", "")]
    [InlineData("baby", "bias,untied")]
    public void Logits_loss_gradients_and_an_AdamW_step_match_PyTorch(string preset, string variant)
    {
        var recipe = RecipePresets.Get(preset);
        recipe = recipe with { Model = recipe.Model with
            { Bias = variant.Contains("bias"), TieWeights = !variant.Contains("untied") } };
        var rows = Run(recipe, corruptGradient: false);
        var worst = rows.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Max(r => r.Relative));
        output.WriteLine($"{preset} {variant}: " + string.Join(", ", worst.Select(w => $"{w.Key} {w.Value:E2}")));
        foreach (var r in rows) output.WriteLine($"  {r.Kind} {r.Tensor}: max_rel {r.Relative:E2}");
        // bench/parity.sh collects every variant's rows for docs/BENCHMARKS.md
        if (Environment.GetEnvironmentVariable("SUCCESSOR_PARITY_REPORT") is { Length: > 0 } report)
            File.AppendAllLines(report, rows.Select(r => FormattableString.Invariant(
                $"{preset}{(variant.Length > 0 ? "+" + variant : "")}\t{r.Kind}\t{r.Tensor}\t{r.Relative:E2}")));
        int layout = new ParameterLayout(recipe.Model).Tensors.Count;
        Assert.Equal(layout, rows.Count(r => r.Kind == "grad"));
        Assert.Equal(layout, rows.Count(r => r.Kind == "after"));
        Assert.All(rows, r => Assert.True(r.Relative <= Tolerance(r.Kind),
            $"{r.Kind} {r.Tensor}: max relative error {r.Relative:E3} > {Tolerance(r.Kind):E0}"));
    }

    [Fact]
    public void A_gradient_Successor_got_wrong_is_caught()
    {
        var rows = Run(RecipePresets.Baby, corruptGradient: true);
        var bad = rows.Single(r => r.Tensor == "transformer.h.1.mlp.c_fc.weight" && r.Kind == "grad");
        Assert.True(bad.Relative > 100 * GradientTolerance, $"the corrupted gradient errs by only {bad.Relative:E3}");
    }

    [Fact]
    public void A_checkpoint_written_by_Python_in_the_hub_s_layout_is_imported_bit_for_bit()
    {
        var config = RecipePresets.Baby.Model with { Bias = true };
        using var model = new GptModel(config, new FastKernels());
        Perturb(model);
        string export = Path.Combine(folder, "hf"), hub = Path.Combine(folder, "hub");
        HfGpt2Exporter.Export(model, export);
        Python3(export, "--save", hub);
        Assert.DoesNotContain(HfGpt2Config.SuccessorKey, File.ReadAllText(Path.Combine(hub, "config.json")));
        Assert.Contains(SafeTensorsFile.ReadForeign(Path.Combine(hub, "model.safetensors")).Tensors,
            t => t.Name == "h.0.attn.c_attn.weight");
        var (back, _) = HfGpt2Importer.Import(hub, new FastKernels());
        using (back)
        {
            Assert.Equal(config, back.Config);
            Assert.True(model.Parameters.Slice(0, (int)model.Layout.Length)
                .SequenceEqual(back.Parameters.Slice(0, (int)back.Layout.Length)), "the weights changed");
        }
    }

    static double Tolerance(string kind) => kind switch
    {
        "logits" => LogitsTolerance, "loss" => LossTolerance, "grad" => GradientTolerance, _ => SteppedTolerance,
    };

    sealed record Row(string Kind, string Tensor, double Relative);

    List<Row> Run(Recipe recipe, bool corruptGradient)
    {
        int B = recipe.BatchSize, T = recipe.Model.BlockSize, V = recipe.Model.VocabSize;
        using var model = new GptModel(recipe.Model, new FastKernels());
        Perturb(model);
        string export = Path.Combine(folder, "hf");
        HfGpt2Exporter.Export(model, export);

        var rng = new Rng(11);
        int[] inputs = [.. Enumerable.Range(0, B * T).Select(_ => rng.NextInt(V))];
        int[] targets = [.. Enumerable.Range(0, B * T).Select(_ => rng.NextInt(V))];
        var logits = new float[B * T * V];
        float loss;
        fixed (int* x = inputs, y = targets)
        {
            loss = model.Forward(x, y, B, T);
            new Span<float>(model.Logits, logits.Length).CopyTo(logits);
            model.Gradients.Clear();
            model.ForwardBackward(x, y, B, T, 1f / (B * T), dropoutSeed: 0);
        }
        var grads = HfGpt2Exporter.Tensors(model, model.Gradients, zeroBiases: false);
        if (corruptGradient)
        {
            var g = grads.Single(t => t.Name == "transformer.h.1.mlp.c_fc.weight").Data;
            for (int i = 0; i < g.Length; i += 7) g[i] = -g[i];
        }
        using var adamW = new AdamW(model, recipe.DecayEmbeddings);
        double norm = adamW.GradientNorm();
        float scale = recipe.GradClip > 0 && norm > recipe.GradClip ? (float)(recipe.GradClip / norm) : 1f;
        adamW.Update(recipe.LearningRate, recipe.Beta1, recipe.Beta2, recipe.Epsilon, recipe.WeightDecay, scale);
        var after = HfGpt2Exporter.Tensors(model, model.Parameters, zeroBiases: false);

        var decay = HfGpt2Names.Map(recipe.Model).Where(m => model.Layout.Contains(m.Successor)
            && model.Layout[m.Successor] is { } t && (t.IsMatrix || recipe.DecayEmbeddings && t.IsEmbedding))
            .Select(m => m.HuggingFace);
        string reference = Path.Combine(folder, "reference.safetensors");
        SafeTensorsFile.Write(reference, [
            new("input", [B, T], [.. inputs.Select(i => (float)i)]),
            new("target", [B, T], [.. targets.Select(i => (float)i)]),
            new("logits", [B, T, V], logits), new("loss", [1], [loss]),
            .. grads.Select(t => t with { Name = "grad." + t.Name }),
            .. after.Select(t => t with { Name = "after." + t.Name }),
        ], new Dictionary<string, string>
        {
            ["lr"] = Text(recipe.LearningRate), ["beta1"] = Text(recipe.Beta1), ["beta2"] = Text(recipe.Beta2),
            ["epsilon"] = Text(recipe.Epsilon), ["weight_decay"] = Text(recipe.WeightDecay),
            ["grad_clip"] = Text(recipe.GradClip), ["decay"] = string.Join(',', decay),
        });
        var lines = Python3(export, "--reference", reference, "--threads", "2");
        output.WriteLine(lines[^1].ToJsonString());
        return [.. lines.Where(o => o["kind"] is not null).Select(o => new Row(
            (string)o["kind"]!, (string)o["tensor"]!, (double)o["max_rel_error"]!))];
    }

    static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>GPT-2's initialisation leaves norms at 1 and biases at 0; noise on every tensor makes each of
    /// them matter, so a mapping that swapped or dropped one would show.</summary>
    static void Perturb(GptModel model)
    {
        model.Initialize(7);
        var rng = new Rng(8);
        var all = model.Parameters.Slice(0, (int)model.Layout.Length);
        for (int i = 0; i < all.Length; i++) all[i] += (float)(rng.NextGaussian() * 0.05);
    }

    static List<JsonObject> Python3(string export, params string[] arguments)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; .ci/services.sh installs python3-torch with apt");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Script(), "--model", export }.Concat(arguments)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the parity script hung");
        Assert.True(process.ExitCode == 0, $"the parity script failed ({process.ExitCode}): {stderr.Result}" +
            " (python3-torch missing? .ci/services.sh installs it)");
        return [.. stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (JsonObject)JsonNode.Parse(l)!)];
    }

    /// <summary>The script beside this file's source, found from the test assembly upwards.</summary>
    static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Successor.Training.Tests", "Interop", "parity",
                "gpt2_parity.py");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("parity/gpt2_parity.py is not above the test assembly");
    }
}
