// Where every parameter lives in the one parameter arena: names (as stored in checkpoints), shapes,
// offsets, and whether AdamW decays it. Gradients and optimizer moments use the same layout.
using Successor.Tensors;

namespace Successor.Models.Gpt;

public sealed class ParameterLayout
{
    readonly Dictionary<string, ParameterTensor> byName = [];

    public ParameterLayout(ModelConfig c)
    {
        int C = c.Embedding, H = c.Hidden, fcOut = c.Activation == Activation.SwiGlu ? 2 * H : H;
        Add("wte", [c.VocabSize, C], embedding: true);
        if (c.Positions == Positions.Learned) Add("wpe", [c.BlockSize, C], embedding: true);
        // by digit id, not by t
        if (c.Positions == Positions.Digits) Add("wpe", [c.DigitPositionRows, C], embedding: true);
        for (int l = 0; l < c.Layers; l++)
        {
            string p = $"blocks.{l}.";
            AddNorm(c, p + "ln1", C);
            AddLinear(c, p + "attn.qkv", 3 * C, C);
            AddLinear(c, p + "attn.proj", C, C);
            AddNorm(c, p + "ln2", C);
            AddLinear(c, p + "mlp.fc", fcOut, C);
            AddLinear(c, p + "mlp.proj", C, H);
        }
        AddNorm(c, "lnf", C);
        if (!c.TieWeights) Add("lm_head.weight", [c.VocabSize, C], matrix: true);
    }

    public IReadOnlyList<ParameterTensor> Tensors => [.. byName.Values];
    public long Length { get; private set; }
    /// <summary>Parameters counted once (the tied head is the embedding).</summary>
    public long Count => byName.Values.Sum(t => (long)t.Count);

    public ParameterTensor this[string name] => byName[name];
    public bool Contains(string name) => byName.ContainsKey(name);

    void AddNorm(ModelConfig c, string name, int C)
    {
        Add(name + ".weight", [C]);
        if (c.Bias && c.Norm == Norm.LayerNorm) Add(name + ".bias", [C]);
    }

    void AddLinear(ModelConfig c, string name, int outputs, int inputs)
    {
        Add(name + ".weight", [outputs, inputs], matrix: true);
        if (c.Bias) Add(name + ".bias", [outputs]);
    }

    void Add(string name, int[] shape, bool matrix = false, bool embedding = false)
    {
        var tensor = new ParameterTensor(name, shape, Length, matrix, embedding);
        byName.Add(name, tensor);
        Length = FloatArena.Align(Length + tensor.Count);
    }
}
