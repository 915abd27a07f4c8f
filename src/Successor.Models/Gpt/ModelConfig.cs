// The shape of a GPT: every architectural choice the trainer supports, with nanoGPT-like defaults.
using System.Text.Json.Serialization;

namespace Successor.Models.Gpt;

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
    /// <summary>Digit positions only: the largest id of the table (ids 0..max, 0 for non-digits). It must cover
    /// a block of digits plus the training offset, so no id ever clamps; null means just that,
    /// block_size + digit_offset. Omitted from JSON when null, so other configs keep their bytes and hashes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int? MaxDigitPosition { get; init; }
    /// <summary>Digit positions only: in training, each row's ids (digits and the rest) are shifted by a random k in
    /// [0, digit_offset] so that ids past the trained lengths are trained too (McLeish et al. 2024); 0 is
    /// off.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int DigitOffset { get; init; }

    [JsonIgnore] public int HeadSize => Embedding / Heads;
    [JsonIgnore] public int Hidden => (int)Math.Round(MlpRatio * Embedding);
    /// <summary>Rows of the digit position table: ids 0..max_digit_position.</summary>
    [JsonIgnore] public int DigitPositionRows => (MaxDigitPosition ?? BlockSize + DigitOffset) + 1;

    /// <summary>Returns null when valid, else one line naming the field, what is wrong and what would be
    /// right.</summary>
    public string? Validate()
    {
        if (Layers < 1) return $"layers is {Layers}; it must be at least 1";
        if (Heads < 1) return $"heads is {Heads}; it must be at least 1";
        if (Embedding < 1 || Embedding % Heads != 0)
            return $"embedding is {Embedding}; it must be a positive multiple of heads ({Heads})";
        if (Positions == Positions.Rope && HeadSize % 2 != 0)
            return $"head size {HeadSize} is odd; rope needs an even embedding/heads";
        if (BlockSize < 1) return $"block_size is {BlockSize}; it must be at least 1";
        if (VocabSize < 2) return $"vocab_size is {VocabSize}; it must be at least 2";
        if (!(MlpRatio > 0) || Hidden < 1) return $"mlp_ratio is {MlpRatio}; it must give a hidden width of at least 1";
        if (!(Dropout >= 0 && Dropout < 1)) return $"dropout is {Dropout}; it must be in [0, 1)";
        if (!(RopeTheta > 1)) return $"rope_theta is {RopeTheta}; it must be greater than 1";
        if (Positions == Positions.Digits && VocabSize <= '9')
            return $"vocab_size is {VocabSize}; positions digits reads the byte tokens '0'..'9' (48..57), " +
                "so it must be at least 58";
        if (DigitOffset < 0) return $"digit_offset is {DigitOffset}; it must be 0 (off) or positive";
        if (Positions != Positions.Digits && DigitOffset != 0)
            return $"digit_offset is {DigitOffset} with positions {Positions.ToString().ToLowerInvariant()}; " +
                "it applies only to positions digits, else it must be 0";
        if (Positions != Positions.Digits && MaxDigitPosition is { } unused)
            return $"max_digit_position is {unused} with positions {Positions.ToString().ToLowerInvariant()}; " +
                "it applies only to positions digits, else leave it out";
        if (MaxDigitPosition is { } max && max < BlockSize + DigitOffset)
            return $"max_digit_position is {max}; it must be at least block_size + digit_offset " +
                $"({BlockSize + DigitOffset}) so that every run of digits has an id";
        return null;
    }
}
