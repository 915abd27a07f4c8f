// `successor import --format hf-gpt2`: a Hugging Face GPT-2 folder (config.json, model.safetensors in F32) as a
// Successor model. Conv1D weights are transposed back; names may carry save_pretrained's "transformer." prefix
// or not (the hub's original checkpoints); the causal-mask buffers older checkpoints hold are skipped.
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;
using Successor.Tensors;

namespace Successor.Models.Interop;

public static class HfGpt2Importer
{
    /// <summary>The model (the caller owns it) and where it came from.</summary>
    public static (GptModel Model, ImportOrigin Origin) Import(string folder, IKernels kernels)
    {
        string configPath = Path.Combine(folder, HfGpt2Config.FileName);
        string weightsPath = Path.Combine(folder, HfGpt2Exporter.WeightsFile);
        if (!Directory.Exists(folder))
            throw new InteropException($"import {folder}: no such folder; give a folder with {HfGpt2Config.FileName} " +
                $"and {HfGpt2Exporter.WeightsFile}");
        foreach (var file in new[] { configPath, weightsPath })
            if (!File.Exists(file))
                throw new InteropException($"import {folder}: has no {Path.GetFileName(file)}; a Hugging Face GPT-2 " +
                    $"folder holds {HfGpt2Config.FileName} and {HfGpt2Exporter.WeightsFile}");
        var config = HfGpt2Config.FromJson(configPath, ReadJson(configPath));
        if (config.VocabSize != ByteTokenizer.VocabSize)
            throw new InteropException($"{configPath}: vocab_size is {config.VocabSize}; Successor's tokenizer is " +
                $"bytes, so only byte-level models (vocab_size {ByteTokenizer.VocabSize}) can be imported");
        var content = SafeTensorsFile.ReadForeign(weightsPath);
        var model = new GptModel(config, kernels);
        try { Fill(weightsPath, content, model); }
        catch { model.Dispose(); throw; }
        return (model, new ImportOrigin("hf-gpt2", Path.GetFullPath(folder), Sha256(configPath), Sha256(weightsPath)));
    }

    static void Fill(string path, SafeTensorsContent content, GptModel model)
    {
        var byName = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (var t in content.Tensors)
        {
            string name = t.Name.StartsWith(HfGpt2Names.Prefix, StringComparison.Ordinal)
                || t.Name.StartsWith("lm_head.", StringComparison.Ordinal) ? t.Name : HfGpt2Names.Prefix + t.Name;
            if (!byName.TryAdd(name, t))
                throw new InteropException($"{path}: holds {t.Name} twice (with and without {HfGpt2Names.Prefix})");
        }
        var layout = model.Layout;
        foreach (var m in HfGpt2Names.Map(model.Config))
        {
            if (!byName.Remove(m.HuggingFace, out var stored))
            {
                if (!layout.Contains(m.Successor)) continue;
                throw new InteropException(
                    $"{path}: has no tensor {m.HuggingFace}; a GPT-2 of this config.json has it");
            }
            if (!layout.Contains(m.Successor))
            {
                // a model exported without biases: GPT-2's zeros, which must still be zeros
                if (stored.Data.Any(x => x != 0))
                    throw new InteropException($"{path}: {m.HuggingFace} is not zero but config.json's " +
                        $"{HfGpt2Config.SuccessorKey} says the model has no biases; remove that key to import biases");
                continue;
            }
            var p = layout[m.Successor];
            int[] shape = m.Transposed ? [p.Shape[1], p.Shape[0]] : p.Shape;
            if (!stored.Shape.SequenceEqual(shape))
                throw new InteropException($"{path}: {m.HuggingFace} has shape [{string.Join(", ", stored.Shape)}]; " +
                    $"config.json says [{string.Join(", ", shape)}]");
            float[] data = m.Transposed ? HfGpt2Exporter.Transpose(stored.Data, shape[0], shape[1]) : stored.Data;
            data.CopyTo(model.Parameters.Slice(p.Offset, p.Count));
        }
        if (model.Config.TieWeights && byName.Remove("lm_head.weight", out var head)
            && !head.Data.AsSpan().SequenceEqual(model.Parameters.Slice(layout["wte"].Offset, layout["wte"].Count)))
            throw new InteropException($"{path}: lm_head.weight differs from wte.weight but tie_word_embeddings is " +
                "true; set it to false to import an untied head");
        if (byName.Keys.FirstOrDefault(n => !HfGpt2Names.IsBuffer(n)) is { } extra)
            throw new InteropException($"{path}: tensor {extra} is not part of a GPT-2 of this config.json; " +
                "only GPT2LMHeadModel's tensors can be imported");
    }

    static JsonObject ReadJson(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InteropException($"{path}: is not a JSON object; it must be GPT-2's config.json");
        }
        catch (JsonException e)
        {
            throw new InteropException($"{path}: is not valid JSON ({JsonProblem.Syntax(e)}); " +
                "it must be GPT-2's config.json");
        }
    }

    static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
