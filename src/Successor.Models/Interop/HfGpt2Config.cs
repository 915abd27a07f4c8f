// GPT-2's config.json (Hugging Face transformers' GPT2Config) for a Successor model config, and back.
// Successor's GPT with learned positions, LayerNorm, tanh GELU, dropout and optional biases and tying is
// GPT-2 exactly; every other option is named in one line and refused.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Successor.Models.Gpt;

namespace Successor.Models.Interop;

public static class HfGpt2Config
{
    public const string FileName = "config.json";
    /// <summary>The exact Successor config, kept beside GPT-2's keys so that import restores what GPT-2 cannot
    /// say (no biases: GPT-2 then holds zeros) and a round trip is bit for bit.</summary>
    public const string SuccessorKey = "successor_model_config";
    /// <summary>LayerNorm's epsilon in Successor's kernels and GPT-2's default.</summary>
    public const double LayerNormEpsilon = 1e-5;

    /// <summary>The option GPT-2 cannot express, as "key value", or null when the config is GPT-2.</summary>
    public static string? Unexpressible(ModelConfig c) =>
        c.Positions != Positions.Learned ? $"positions {Snake(c.Positions)} (GPT-2 has learned positions only)"
        : c.Norm != Norm.LayerNorm ? $"norm {Snake(c.Norm)} (GPT-2 has LayerNorm only)"
        : c.Activation != Activation.Gelu ? $"activation {Snake(c.Activation)} (GPT-2 has the tanh GELU only)"
        : null;

    public static JsonObject ToJson(ModelConfig c)
    {
        if (Unexpressible(c) is { } option)
            throw new InteropException($"model option {option} cannot be exported as hf-gpt2; " +
                "only models with learned positions, layer_norm and gelu can");
        return new JsonObject
        {
            ["architectures"] = new JsonArray("GPT2LMHeadModel"),
            ["model_type"] = "gpt2",
            ["vocab_size"] = c.VocabSize,
            ["n_positions"] = c.BlockSize,
            ["n_ctx"] = c.BlockSize,
            ["n_embd"] = c.Embedding,
            ["n_layer"] = c.Layers,
            ["n_head"] = c.Heads,
            ["n_inner"] = c.Hidden,
            ["activation_function"] = "gelu_new",
            ["resid_pdrop"] = c.Dropout,
            ["embd_pdrop"] = c.Dropout,
            ["attn_pdrop"] = 0.0,
            ["layer_norm_epsilon"] = LayerNormEpsilon,
            ["initializer_range"] = 0.02,
            ["scale_attn_weights"] = true,
            ["scale_attn_by_inverse_layer_idx"] = false,
            ["reorder_and_upcast_attn"] = false,
            ["tie_word_embeddings"] = c.TieWeights,
            ["use_cache"] = true,
            ["torch_dtype"] = "float32",
            [SuccessorKey] = JsonSerializer.SerializeToNode(c, SnakeCaseJson.Compact),
        };
    }

    /// <summary>The Successor config of a GPT-2 config.json; one InteropException line for anything Successor
    /// cannot run the same way.</summary>
    public static ModelConfig FromJson(string path, JsonObject json)
    {
        string Where(string key) => $"{path}: {key}";
        int Int(string key) => json[key] is JsonValue v && v.TryGetValue(out int i) ? i
            : throw new InteropException($"{Where(key)} is {json[key]?.ToJsonString() ?? "missing"}; " +
                "it must be an integer, as GPT2Config writes it");
        double Number(string key, double missing) => json[key] is null ? missing
            : json[key] is JsonValue v && v.TryGetValue(out double d) ? d
            : throw new InteropException($"{Where(key)} is {json[key]!.ToJsonString()}; it must be a number");
        bool Flag(string key, bool missing) => json[key] is null ? missing
            : json[key] is JsonValue v && v.TryGetValue(out bool b) ? b
            : throw new InteropException($"{Where(key)} is {json[key]!.ToJsonString()}; it must be true or false");

        string type = json["model_type"]?.ToString() ?? "missing";
        if (type != "gpt2") throw new InteropException($"{Where("model_type")} is {type}; it must be gpt2");
        string activation = json["activation_function"]?.ToString() ?? "gelu_new";
        if (activation is not ("gelu_new" or "gelu_pytorch_tanh"))
            throw new InteropException($"{Where("activation_function")} is {activation}; Successor's GELU is the " +
                "tanh approximation, so it must be gelu_new or gelu_pytorch_tanh");
        if (Number("layer_norm_epsilon", LayerNormEpsilon) != LayerNormEpsilon)
            throw new InteropException($"{Where("layer_norm_epsilon")} is {json["layer_norm_epsilon"]}; " +
                $"Successor's LayerNorm uses {LayerNormEpsilon.ToString(CultureInfo.InvariantCulture)}");
        if (Flag("scale_attn_by_inverse_layer_idx", false) || Flag("reorder_and_upcast_attn", false)
            || !Flag("scale_attn_weights", true))
            throw new InteropException($"{path}: attention is scaled other than by 1/sqrt(head size); " +
                "scale_attn_weights must be true and the two other attention options false");
        if (Number("attn_pdrop", 0) != 0)
            throw new InteropException($"{Where("attn_pdrop")} is {json["attn_pdrop"]}; Successor has no " +
                "dropout on attention weights, so it must be 0");
        double dropout = Number("resid_pdrop", 0.1);
        if (Number("embd_pdrop", 0.1) != dropout)
            throw new InteropException($"{Where("embd_pdrop")} is {json["embd_pdrop"]}; Successor has one dropout, " +
                $"so it must equal resid_pdrop ({dropout.ToString(CultureInfo.InvariantCulture)})");
        int embedding = Int("n_embd");
        // null (JSON null included) means GPT-2's default width
        int hidden = json["n_inner"] is null ? 4 * embedding : Int("n_inner");
        var config = new ModelConfig
        {
            Layers = Int("n_layer"), Heads = Int("n_head"), Embedding = embedding, BlockSize = Int("n_positions"),
            VocabSize = Int("vocab_size"), MlpRatio = (double)hidden / embedding, Activation = Activation.Gelu,
            Norm = Norm.LayerNorm, Positions = Positions.Learned, TieWeights = Flag("tie_word_embeddings", true),
            Dropout = (float)dropout, Bias = true,
        };
        if (config.Hidden != hidden)
            throw new InteropException($"{Where("n_inner")} is {hidden}; Successor needs a width it can write as " +
                "mlp_ratio × n_embd");
        if (config.Validate() is { } error) throw new InteropException($"{path}: {error}");
        return json[SuccessorKey] is JsonObject exact ? Exact(path, exact, config) : config;
    }

    /// <summary>The config export kept, which must agree with GPT-2's keys except that it may have no
    /// biases.</summary>
    static ModelConfig Exact(string path, JsonObject node, ModelConfig gpt2)
    {
        ModelConfig? exact;
        try { exact = node.Deserialize<ModelConfig>(SnakeCaseJson.Options); }
        catch (JsonException e)
        {
            string why = JsonProblem.Explain(e, node.ToJsonString(), typeof(ModelConfig), SnakeCaseJson.Options);
            throw new InteropException($"{path}: {SuccessorKey} is not a model config ({why}); " +
                "leave the one export wrote, or remove it");
        }
        if (exact is null || exact.Hidden != gpt2.Hidden
            || exact with { Bias = true, MlpRatio = gpt2.MlpRatio } != gpt2)
            throw new InteropException($"{path}: {SuccessorKey} disagrees with the GPT-2 keys beside it; " +
                "remove it to import the GPT-2 keys alone");
        return exact;
    }

    static string Snake<T>(T value) where T : struct, Enum =>
        JsonSerializer.Serialize(value, SnakeCaseJson.Compact).Trim('"');
}
