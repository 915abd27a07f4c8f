// The name mapping between Successor's parameter layout and Hugging Face's GPT2LMHeadModel, as written by
// save_pretrained (every name under "transformer.", the head under "lm_head." and left out when tied).
using Successor.Models.Gpt;

namespace Successor.Models.Interop;

public static class HfGpt2Names
{
    public const string Prefix = "transformer.";

    /// <summary>Every tensor of a GPT-2 of this shape, biases included: GPT-2 always has them, so a Successor
    /// model without biases is exported with zero biases (which compute the same).</summary>
    public static IReadOnlyList<HfGpt2Tensor> Map(ModelConfig c)
    {
        var map = new List<HfGpt2Tensor> { new("wte", Prefix + "wte.weight", false),
            new("wpe", Prefix + "wpe.weight", false) };
        for (int l = 0; l < c.Layers; l++)
        {
            string s = $"blocks.{l}.", h = $"{Prefix}h.{l}.";
            map.AddRange(Norm(s + "ln1", h + "ln_1"));
            map.AddRange(Linear(s + "attn.qkv", h + "attn.c_attn"));
            map.AddRange(Linear(s + "attn.proj", h + "attn.c_proj"));
            map.AddRange(Norm(s + "ln2", h + "ln_2"));
            map.AddRange(Linear(s + "mlp.fc", h + "mlp.c_fc"));
            map.AddRange(Linear(s + "mlp.proj", h + "mlp.c_proj"));
        }
        map.AddRange(Norm("lnf", Prefix + "ln_f"));
        if (!c.TieWeights) map.Add(new("lm_head.weight", "lm_head.weight", false));
        return map;
    }

    /// <summary>Names GPT-2 checkpoints may hold that are no parameters: the causal mask buffers of older
    /// transformers versions.</summary>
    public static bool IsBuffer(string name) =>
        name.EndsWith(".attn.bias", StringComparison.Ordinal)
        || name.EndsWith(".attn.masked_bias", StringComparison.Ordinal);

    static HfGpt2Tensor[] Norm(string successor, string hf) =>
        [new(successor + ".weight", hf + ".weight", false), new(successor + ".bias", hf + ".bias", false)];

    static HfGpt2Tensor[] Linear(string successor, string hf) =>
        [new(successor + ".weight", hf + ".weight", true), new(successor + ".bias", hf + ".bias", false)];
}
