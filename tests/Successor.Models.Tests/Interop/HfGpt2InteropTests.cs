// Hugging Face GPT-2 export and import: a round trip is bit for bit, the files have GPT-2's names, layout and
// keys, what GPT-2 cannot express is refused in one line, and a foreign folder is read as transformers writes it
// or refused in one line naming what is wrong.
using System.Text.Json.Nodes;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Models.Interop;
using Successor.Tensors;
using Successor.Tensors.Reference;

namespace Successor.Models.Tests.Interop;

public sealed class HfGpt2InteropTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("successor-hf-").FullName;
    string Hf => Path.Combine(folder, "hf");
    string Weights => Path.Combine(Hf, HfGpt2Exporter.WeightsFile);
    string ConfigFile => Path.Combine(Hf, HfGpt2Config.FileName);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static readonly ModelConfig Small = new() { Layers = 2, Heads = 2, Embedding = 16, BlockSize = 8 };

    static GptModel Model(ModelConfig config, ulong seed = 3)
    {
        var model = new GptModel(config, new ReferenceKernels());
        model.Initialize(seed);
        var rng = new Rng(seed + 1);
        var all = model.Parameters.Slice(0, (int)model.Layout.Length);
        for (int i = 0; i < all.Length; i++) all[i] += (float)rng.NextGaussian();
        return model;
    }

    public static TheoryData<string> Variants => ["plain", "bias", "untied", "bias,untied,dropout,mlp3"];

    static ModelConfig Variant(string name) => Small with
    {
        Bias = name.Contains("bias"), TieWeights = !name.Contains("untied"),
        Dropout = name.Contains("dropout") ? 0.1f : 0f, MlpRatio = name.Contains("mlp3") ? 3 : 4,
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Export_then_import_gives_bit_identical_weights_and_config(string variant)
    {
        using var model = Model(Variant(variant));
        HfGpt2Exporter.Export(model, Hf);
        var (back, origin) = HfGpt2Importer.Import(Hf, new ReferenceKernels());
        using (back)
        {
            Assert.Equal(model.Config, back.Config);
            foreach (var t in model.Layout.Tensors)
                Assert.True(model.Parameters.Slice(t.Offset, t.Count).SequenceEqual(back.Parameters.Slice(
                    back.Layout[t.Name].Offset, t.Count)), $"{t.Name} changed in the round trip");
        }
        Assert.Equal("hf-gpt2", origin.Format);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Weights))),
            origin.WeightsSha256);
    }

    [Fact]
    public void The_export_has_GPT2_names_Conv1D_layout_zero_biases_and_config_keys()
    {
        using var model = Model(Small);
        HfGpt2Exporter.Export(model, Hf);
        var content = SafeTensorsFile.ReadForeign(Weights);
        Assert.Equal("pt", content.Metadata["format"]);
        Assert.Equal(HfGpt2Names.Map(Small).Select(m => m.HuggingFace).Order(),
            content.Tensors.Select(t => t.Name).Order());
        Assert.DoesNotContain(content.Tensors, t => t.Name == "lm_head.weight");
        // c_attn is (in, out): element [i, j] is Successor's qkv [j, i]
        var qkv = model.Layout["blocks.1.attn.qkv.weight"];
        var cAttn = content["transformer.h.1.attn.c_attn.weight"];
        Assert.Equal([16, 48], cAttn.Shape);
        for (int i = 0; i < 16; i++)
            for (int j = 0; j < 48; j++)
                Assert.Equal(model.Parameters.Slice(qkv.Offset, qkv.Count)[j * 16 + i], cAttn.Data[i * 48 + j]);
        Assert.Equal([16, 64], content["transformer.h.0.mlp.c_fc.weight"].Shape);
        Assert.Equal([64, 16], content["transformer.h.0.mlp.c_proj.weight"].Shape);
        Assert.All(content.Tensors.Where(t => t.Name.EndsWith(".bias", StringComparison.Ordinal)),
            t => Assert.All(t.Data, x => Assert.Equal(0f, x)));
        var config = JsonNode.Parse(File.ReadAllText(ConfigFile))!.AsObject();
        Assert.Equal("gpt2", (string)config["model_type"]!);
        Assert.Equal("gelu_new", (string)config["activation_function"]!);
        Assert.Equal(16, (int)config["n_embd"]!);
        Assert.Equal(2, (int)config["n_layer"]!);
        Assert.Equal(2, (int)config["n_head"]!);
        Assert.Equal(8, (int)config["n_positions"]!);
        Assert.Equal(64, (int)config["n_inner"]!);
        Assert.Equal(256, (int)config["vocab_size"]!);
        Assert.True((bool)config["tie_word_embeddings"]!);
    }

    [Theory]
    [InlineData("rope", "positions rope")]
    [InlineData("none", "positions none")]
    [InlineData("digits", "positions digits")]
    [InlineData("rms_norm", "norm rms_norm")]
    [InlineData("swiglu", "activation swiglu")]
    [InlineData("relu_squared", "activation relu_squared")]
    public void Export_refuses_an_option_GPT2_cannot_express_in_one_line_naming_it(string option, string named)
    {
        var config = option switch
        {
            "rope" => Small with { Positions = Positions.Rope },
            "none" => Small with { Positions = Positions.None },
            "digits" => Small with { Positions = Positions.Digits },
            "rms_norm" => Small with { Norm = Norm.RmsNorm },
            "swiglu" => Small with { Activation = Activation.SwiGlu },
            _ => Small with { Activation = Activation.ReluSquared },
        };
        using var model = Model(config);
        var e = Assert.Throws<InteropException>(() => HfGpt2Exporter.Export(model, Hf));
        Assert.Contains($"model option {named} ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(Directory.Exists(Hf), "nothing is written for a refused model");
    }

    /// <summary>Rewrites the exported folder as another program might have written it.</summary>
    void Rewrite(Func<List<SafeTensor>, List<SafeTensor>>? tensors = null, Action<JsonObject>? config = null)
    {
        var content = SafeTensorsFile.ReadForeign(Weights);
        SafeTensorsFile.Write(Weights, tensors?.Invoke([.. content.Tensors]) ?? [.. content.Tensors],
            new Dictionary<string, string> { ["format"] = "pt" });
        var json = JsonNode.Parse(File.ReadAllText(ConfigFile))!.AsObject();
        config?.Invoke(json);
        File.WriteAllText(ConfigFile, json.ToJsonString());
    }

    [Fact]
    public void A_hub_style_folder_without_prefix_with_mask_buffers_and_a_tied_head_copy_is_imported()
    {
        using var model = Model(Small with { Bias = true });
        HfGpt2Exporter.Export(model, Hf);
        Rewrite(ts =>
        {
            var renamed = ts.Select(t => t with { Name = t.Name.Replace(HfGpt2Names.Prefix, "") }).ToList();
            renamed.Add(new SafeTensor("h.0.attn.bias", [1, 1, 8, 8], new float[64]));
            renamed.Add(new SafeTensor("h.1.attn.masked_bias", [], [-1e4f]));
            renamed.Add(ts.Single(t => t.Name == "transformer.wte.weight") with { Name = "lm_head.weight" });
            return renamed;
        }, json => json.Remove(HfGpt2Config.SuccessorKey));
        var (back, _) = HfGpt2Importer.Import(Hf, new ReferenceKernels());
        using (back)
        {
            Assert.Equal(model.Config, back.Config);
            Assert.True(model.Parameters.Slice(0, (int)model.Layout.Length)
                .SequenceEqual(back.Parameters.Slice(0, (int)back.Layout.Length)));
        }
    }

    [Fact]
    public void Without_Successor_s_key_a_bias_free_model_comes_back_with_its_zero_biases()
    {
        using var model = Model(Small);
        HfGpt2Exporter.Export(model, Hf);
        Rewrite(config: json => json.Remove(HfGpt2Config.SuccessorKey));
        var (back, _) = HfGpt2Importer.Import(Hf, new ReferenceKernels());
        using (back) Assert.Equal(Small with { Bias = true }, back.Config);
    }

    public static TheoryData<string, string> BadFolders => new()
    {
        { "extra tensor", "tensor transformer.h.9.mlp.c_fc.weight is not part of a GPT-2" },
        { "missing tensor", "has no tensor transformer.h.1.ln_2.weight" },
        { "wrong shape", "transformer.h.0.attn.c_attn.weight has shape [48, 16]; config.json says [16, 48]" },
        { "nonzero bias", "transformer.h.0.attn.c_proj.bias is not zero" },
        { "untied head", "lm_head.weight differs from wte.weight but tie_word_embeddings is true" },
        { "erf gelu", "activation_function is gelu; Successor's GELU is the tanh approximation" },
        { "bpe vocab", "vocab_size is 50257; Successor's tokenizer is bytes" },
        { "attention dropout", "attn_pdrop is 0.1" },
        { "epsilon", "layer_norm_epsilon is 1E-06" },
        { "not gpt2", "model_type is llama; it must be gpt2" },
        { "no weights", "has no model.safetensors" },
        { "disagreeing successor config", "successor_model_config disagrees with the GPT-2 keys beside it" },
    };

    [Theory]
    [MemberData(nameof(BadFolders))]
    public void A_folder_Successor_cannot_run_the_same_way_is_refused_in_one_line(string defect, string expected)
    {
        using var model = Model(Small);
        HfGpt2Exporter.Export(model, Hf);
        SafeTensor Zeros(SafeTensor t) => t with { Data = new float[t.Data.Length] };
        switch (defect)
        {
            case "extra tensor":
                Rewrite(ts => [.. ts, new SafeTensor("transformer.h.9.mlp.c_fc.weight", [1], [1f])]);
                break;
            case "missing tensor": Rewrite(ts => [.. ts.Where(t => t.Name != "transformer.h.1.ln_2.weight")]); break;
            case "wrong shape":
                Rewrite(ts => [.. ts.Select(t => t.Name == "transformer.h.0.attn.c_attn.weight"
                    ? t with { Shape = [48, 16] } : t)]);
                break;
            case "nonzero bias":
                Rewrite(ts => [.. ts.Select(t => t.Name == "transformer.h.0.attn.c_proj.bias"
                    ? t with { Data = [.. t.Data.Select(_ => 0.5f)] } : t)]);
                break;
            case "untied head":
                Rewrite(ts => [.. ts, Zeros(ts.Single(t => t.Name == "transformer.wte.weight")) with
                    { Name = "lm_head.weight" }]);
                break;
            case "erf gelu": Rewrite(config: j => j["activation_function"] = "gelu"); break;
            case "bpe vocab": Rewrite(config: j => { j["vocab_size"] = 50257; j.Remove(HfGpt2Config.SuccessorKey); });
                break;
            case "attention dropout": Rewrite(config: j => j["attn_pdrop"] = 0.1); break;
            case "epsilon": Rewrite(config: j => j["layer_norm_epsilon"] = 1e-6); break;
            case "not gpt2": Rewrite(config: j => j["model_type"] = "llama"); break;
            case "disagreeing successor config":
                Rewrite(config: j => j[HfGpt2Config.SuccessorKey]!["layers"] = 3);
                break;
            default: File.Delete(Weights); break;
        }
        var e = Assert.Throws<InteropException>(() => HfGpt2Importer.Import(Hf, new ReferenceKernels()));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
