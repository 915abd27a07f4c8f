// The normalization of a GPT block: LayerNorm (Ba et al. 2016, as GPT-2) or RMSNorm (Zhang and
// Sennrich 2019).
namespace Successor.Models.Gpt;

public enum Norm { LayerNorm, RmsNorm }
