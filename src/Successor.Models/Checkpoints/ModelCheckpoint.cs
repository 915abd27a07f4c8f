// A model's weights as safetensors, with what is needed to rebuild it in __metadata__: the model
// config (JSON), the tokenizer, the recipe hash and the step. Loading checks every tensor against the
// config, so a checkpoint of another shape or with missing or extra tensors is refused.
using System.Globalization;
using System.Text.Json;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;
using Successor.Tensors;

namespace Successor.Models.Checkpoints;

public static class ModelCheckpoint
{
    public static void Save(string path, GptModel model, string recipeSha256, long step) =>
        SafeTensorsFile.Write(path, Tensors(model.Layout, model.Parameters, ""), new Dictionary<string, string>
        {
            ["format"] = "successor.gpt",
            ["model_config"] = JsonSerializer.Serialize(model.Config, SnakeCaseJson.Compact),
            ["tokenizer"] = ByteTokenizer.Name,
            ["recipe_sha256"] = recipeSha256,
            ["step"] = step.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Reads and checks a checkpoint; the caller owns the returned model.</summary>
    public static (GptModel Model, CheckpointInfo Info) Load(string path, IKernels kernels)
    {
        var content = SafeTensorsFile.Read(path);
        var info = ReadInfo(path, content);
        var model = new GptModel(info.Config, kernels);
        try { Fill(path, content, model.Layout, model.Parameters, ""); }
        catch { model.Dispose(); throw; }
        return (model, info);
    }

    static CheckpointInfo ReadInfo(string path, SafeTensorsContent content)
    {
        string Meta(string key) => content.Metadata.TryGetValue(key, out var v) ? v
            : throw new CheckpointFormatException(path, $"metadata has no '{key}'",
                "a Successor model checkpoint (successor train writes one)");
        ModelConfig? config;
        string json = Meta("model_config");
        try { config = JsonSerializer.Deserialize<ModelConfig>(json, SnakeCaseJson.Options); }
        catch (JsonException e)
        {
            throw new CheckpointFormatException(path, "model_config is not a valid model config (" +
                JsonProblem.Explain(e, json, typeof(ModelConfig), SnakeCaseJson.Options) + ")",
                "the JSON that successor train wrote");
        }
        if (config is null || config.Validate() is { } error)
            throw new CheckpointFormatException(path, $"model_config is invalid ({config?.Validate() ?? "null"})",
                "a valid model config");
        string tokenizer = Meta("tokenizer");
        if (tokenizer != ByteTokenizer.Name)
            throw new CheckpointFormatException(path, $"tokenizer '{tokenizer}' is unknown", $"'{ByteTokenizer.Name}'");
        if (!long.TryParse(Meta("step"), NumberStyles.None, CultureInfo.InvariantCulture, out long step))
            throw new CheckpointFormatException(path, $"step '{Meta("step")}' is not a number",
                "a non-negative integer");
        return new CheckpointInfo(config, tokenizer, Meta("recipe_sha256"), step);
    }

    /// <summary>The arena's tensors, each under prefix + name (the optimizer stores "m." and "v." copies).</summary>
    public static List<SafeTensor> Tensors(ParameterLayout layout, FloatArena arena, string prefix) =>
        [.. layout.Tensors.Select(t =>
            new SafeTensor(prefix + t.Name, t.Shape, arena.Slice(t.Offset, t.Count).ToArray()))];

    /// <summary>Copies the tensors named prefix + name into the arena, refusing missing, misshapen or unknown
    /// ones (among the names that start with prefix).</summary>
    public static void Fill(string path, SafeTensorsContent content, ParameterLayout layout,
        FloatArena arena, string prefix)
    {
        var expected = layout.Tensors.Select(t => prefix + t.Name).ToHashSet();
        if (content.Tensors.FirstOrDefault(t =>
            t.Name.StartsWith(prefix, StringComparison.Ordinal) && !expected.Contains(t.Name)) is { } extra)
            throw new CheckpointFormatException(path, $"tensor '{extra.Name}' does not belong to this model config",
                "only the tensors the config defines");
        foreach (var t in layout.Tensors)
        {
            var stored = content[prefix + t.Name];
            if (!stored.Shape.SequenceEqual(t.Shape))
                throw new CheckpointFormatException(path,
                    $"tensor '{stored.Name}' has shape [{string.Join(", ", stored.Shape)}]",
                    $"[{string.Join(", ", t.Shape)}] as the model config says");
            stored.Data.CopyTo(arena.Slice(t.Offset, t.Count));
        }
    }
}
