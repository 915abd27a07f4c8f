// `successor export --format hf-gpt2`: a Successor model as a Hugging Face GPT-2 folder (config.json and
// model.safetensors) that transformers' GPT2LMHeadModel.from_pretrained loads and computes the same logits from.
using System.Text.Json;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Tensors;

namespace Successor.Models.Interop;

public static class HfGpt2Exporter
{
    public const string WeightsFile = "model.safetensors";

    /// <summary>Writes the folder; a model GPT-2 cannot express is refused before anything is written.</summary>
    public static void Export(GptModel model, string folder)
    {
        var config = HfGpt2Config.ToJson(model.Config);
        Directory.CreateDirectory(folder);
        // transformers refuses safetensors whose format metadata is not one of its frameworks
        SafeTensorsFile.Write(Path.Combine(folder, WeightsFile), Tensors(model, model.Parameters, zeroBiases: true),
            new Dictionary<string, string> { ["format"] = "pt" });
        File.WriteAllText(Path.Combine(folder, HfGpt2Config.FileName),
            config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>An arena laid out as the model's parameters (the weights, their gradients) under GPT-2's names and
    /// in its layout. Biases the model lacks are zeros with zeroBiases, else left out.</summary>
    public static List<SafeTensor> Tensors(GptModel model, FloatArena arena, bool zeroBiases)
    {
        var layout = model.Layout;
        var tensors = new List<SafeTensor>();
        foreach (var t in HfGpt2Names.Map(model.Config))
        {
            if (!layout.Contains(t.Successor))
            {
                if (!zeroBiases) continue;
                string weight = t.Successor[..^".bias".Length] + ".weight";
                int size = layout[weight].Shape[0];
                tensors.Add(new SafeTensor(t.HuggingFace, [size], new float[size]));
                continue;
            }
            var p = layout[t.Successor];
            float[] data = arena.Slice(p.Offset, p.Count).ToArray();
            tensors.Add(t.Transposed
                ? new SafeTensor(t.HuggingFace, [p.Shape[1], p.Shape[0]], Transpose(data, p.Shape[0], p.Shape[1]))
                : new SafeTensor(t.HuggingFace, p.Shape, data));
        }
        return tensors;
    }

    /// <summary>A (rows, columns) row-major matrix as (columns, rows).</summary>
    public static float[] Transpose(float[] data, int rows, int columns)
    {
        var result = new float[data.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                result[(long)c * rows + r] = data[(long)r * columns + c];
        return result;
    }
}
