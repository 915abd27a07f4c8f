// The shape of a GPT: every architectural choice the trainer supports, with nanoGPT-like defaults.
using System.Text.Json.Serialization;

namespace Successor.Models.Gpt;

// Enums are written in snake_case by the recipe's JSON options ("gelu", "relu_squared", "swiglu", ...).
public enum Activation { Gelu, ReluSquared, [JsonStringEnumMemberName("swiglu")] SwiGlu }

public enum Norm { LayerNorm, RmsNorm }

/// <summary>Learned absolute embeddings (GPT-2), rotary (Su et al. 2021), or none (NoPE, Kazemnejad et al.
/// 2023: the causal mask alone lets attention tell positions apart, which generalises to longer inputs).</summary>
public enum Positions { Learned, Rope, None }

public sealed record ModelConfig
{
    public int Layers { get; init; } = 4;
    public int Heads { get; init; } = 4;
    public int Embedding { get; init; } = 128;
    /// <summary>Longest context, in tokens.</summary>
    public int BlockSize { get; init; } = 64;
    /// <summary>256 for the byte tokenizer.</summary>
    public int VocabSize { get; init; } = 256;
    /// <summary>MLP hidden width = MlpRatio × Embedding (for SwiGLU, the width of each of gate and up).</summary>
    public double MlpRatio { get; init; } = 4.0;
    public Activation Activation { get; init; } = Activation.Gelu;
    public Norm Norm { get; init; } = Norm.LayerNorm;
    public Positions Positions { get; init; } = Positions.Learned;
    /// <summary>The output head shares the token embedding matrix (Press and Wolf 2017).</summary>
    public bool TieWeights { get; init; } = true;
    /// <summary>Dropout on embeddings and residual branches; 0 turns it off.</summary>
    public float Dropout { get; init; }
    /// <summary>Biases in linear layers and LayerNorm.</summary>
    public bool Bias { get; init; }
    /// <summary>Base of the rotary frequencies (Su et al. 2021).</summary>
    public double RopeTheta { get; init; } = 10000;

    [JsonIgnore] public int HeadSize => Embedding / Heads;
    [JsonIgnore] public int Hidden => (int)Math.Round(MlpRatio * Embedding);

    /// <summary>Returns null when valid, else one line naming the field, what is wrong and what would be right.</summary>
    public string? Validate()
    {
        if (Layers < 1) return $"layers is {Layers}; it must be at least 1";
        if (Heads < 1) return $"heads is {Heads}; it must be at least 1";
        if (Embedding < 1 || Embedding % Heads != 0) return $"embedding is {Embedding}; it must be a positive multiple of heads ({Heads})";
        if (Positions == Positions.Rope && HeadSize % 2 != 0) return $"head size {HeadSize} is odd; rope needs an even embedding/heads";
        if (BlockSize < 1) return $"block_size is {BlockSize}; it must be at least 1";
        if (VocabSize < 2) return $"vocab_size is {VocabSize}; it must be at least 2";
        if (!(MlpRatio > 0) || Hidden < 1) return $"mlp_ratio is {MlpRatio}; it must give a hidden width of at least 1";
        if (!(Dropout >= 0 && Dropout < 1)) return $"dropout is {Dropout}; it must be in [0, 1)";
        if (!(RopeTheta > 1)) return $"rope_theta is {RopeTheta}; it must be greater than 1";
        return null;
    }
}
